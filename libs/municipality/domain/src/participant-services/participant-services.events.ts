import { MUNICIPAL_SERVICE_KINDS } from '@ips/contracts';
import { DomainEvent } from '@ips/kernel';

export type MunicipalServiceKind = (typeof MUNICIPAL_SERVICE_KINDS)[number];

export type MunicipalContactAssigned = DomainEvent<
  'MunicipalContactAssigned',
  { readonly participantId: string; readonly contactPersonId: string; readonly assignedAt: string }
>;

export type MunicipalServiceGranted = DomainEvent<
  'MunicipalServiceGranted',
  {
    readonly participantId: string;
    readonly serviceId: string;
    readonly kind: MunicipalServiceKind;
    readonly grantedFrom: string;
    readonly note: string | null;
    readonly grantedAt: string;
  }
>;

export type MunicipalServiceEnded = DomainEvent<
  'MunicipalServiceEnded',
  {
    readonly participantId: string;
    readonly serviceId: string;
    readonly endedOn: string;
    readonly reason: string | null;
    readonly endedAt: string;
  }
>;

export type ParticipantServicesEvent = MunicipalContactAssigned | MunicipalServiceGranted | MunicipalServiceEnded;
