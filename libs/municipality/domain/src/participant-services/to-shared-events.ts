import { MunicipalitySharedEvent } from '@ips/contracts';
import { assertNever } from '@ips/kernel';
import { ParticipantServicesEvent } from './participant-services.events';

type Envelope = Pick<MunicipalitySharedEvent, 'id' | 'recordedBy'>;

/** What the other agencies learn from each municipal participant-services event (the published language). */
export function participantServicesToShared(event: ParticipantServicesEvent, envelope: Envelope): MunicipalitySharedEvent[] {
  const header = { ...envelope, version: 1, source: 'municipality', participantId: event.data.participantId } as const;
  switch (event.type) {
    case 'MunicipalContactAssigned':
      return [
        {
          ...header,
          type: 'MunicipalContactAssigned',
          occurredAt: event.data.assignedAt,
          data: { contactPersonId: event.data.contactPersonId },
        },
      ];
    case 'MunicipalServiceGranted': {
      const { serviceId, kind, grantedFrom, note, grantedAt } = event.data;
      return [
        {
          ...header,
          type: 'MunicipalServiceGranted',
          occurredAt: grantedAt,
          data: { serviceId, kind, grantedFrom, ...(note === null ? {} : { note }) },
        },
      ];
    }
    case 'MunicipalServiceEnded': {
      const { serviceId, endedOn, reason, endedAt } = event.data;
      return [
        {
          ...header,
          type: 'MunicipalServiceEnded',
          occurredAt: endedAt,
          data: { serviceId, endedOn, ...(reason === null ? {} : { reason }) },
        },
      ];
    }
    default:
      return assertNever(event);
  }
}
