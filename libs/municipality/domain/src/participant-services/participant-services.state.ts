import { Aggregate, assertNever } from '@ips/kernel';
import { MunicipalServiceKind, ParticipantServicesEvent } from './participant-services.events';

export interface MunicipalService {
  readonly serviceId: string;
  readonly kind: MunicipalServiceKind;
  readonly grantedFrom: string;
  readonly endedOn: string | null;
}

export type ParticipantServicesState =
  | { readonly status: 'Unknown' }
  | {
      readonly status: 'Known';
      readonly participantId: string;
      readonly contactPersonId: string | null;
      readonly services: Readonly<Record<string, MunicipalService>>;
    };

type Known = Extract<ParticipantServicesState, { status: 'Known' }>;

export const initialParticipantServicesState: ParticipantServicesState = { status: 'Unknown' };

const known = (state: ParticipantServicesState, participantId: string): Known =>
  state.status === 'Known' ? state : { status: 'Known', participantId, contactPersonId: null, services: {} };

const withService = (state: Known, service: MunicipalService): Known => ({
  ...state,
  services: { ...state.services, [service.serviceId]: service },
});

export function evolveParticipantServices(state: ParticipantServicesState, event: ParticipantServicesEvent): ParticipantServicesState {
  const current = known(state, event.data.participantId);
  switch (event.type) {
    case 'MunicipalContactAssigned':
      return { ...current, contactPersonId: event.data.contactPersonId };
    case 'MunicipalServiceGranted': {
      const { serviceId, kind, grantedFrom } = event.data;
      return withService(current, { serviceId, kind, grantedFrom, endedOn: null });
    }
    case 'MunicipalServiceEnded': {
      const service = findService(current, event.data.serviceId);
      return service ? withService(current, { ...service, endedOn: event.data.endedOn }) : current;
    }
    default:
      return assertNever(event);
  }
}

export function servicesOf(state: ParticipantServicesState): readonly MunicipalService[] {
  switch (state.status) {
    case 'Unknown':
      return [];
    case 'Known':
      return Object.values(state.services);
    default:
      return assertNever(state);
  }
}

export const findService = (state: ParticipantServicesState, serviceId: string): MunicipalService | undefined =>
  servicesOf(state).find((service) => service.serviceId === serviceId);

export const participantServicesAggregate: Aggregate<ParticipantServicesState, ParticipantServicesEvent> = {
  category: 'municipality.participant-services',
  initialState: initialParticipantServicesState,
  evolve: evolveParticipantServices,
};
