import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantServicesErrors } from '../participant-services/participant-services.errors';
import { MunicipalServiceKind, ParticipantServicesEvent } from '../participant-services/participant-services.events';
import { ParticipantServicesState, findService, servicesOf } from '../participant-services/participant-services.state';

export type GrantService = Command<
  'GrantService',
  {
    readonly participantId: string;
    readonly serviceId: string;
    readonly kind: MunicipalServiceKind;
    readonly grantedFrom: string;
    readonly note?: string;
  }
>;

/** grant-service: a municipal service is granted, one active service of each kind at a time. */
export function decideGrantService(command: GrantService, state: ParticipantServicesState): Decision<ParticipantServicesEvent> {
  const { participantId, serviceId, kind, grantedFrom, note } = command.data;
  if (findService(state, serviceId)) {
    return refuse('conflict', ParticipantServicesErrors.serviceAlreadyGranted, 'this service has already been granted');
  }
  if (servicesOf(state).some((service) => service.kind === kind && service.endedOn === null)) {
    return refuse('conflict', ParticipantServicesErrors.serviceKindAlreadyActive, `a ${kind} service is already active`);
  }
  return accept({
    type: 'MunicipalServiceGranted',
    data: { participantId, serviceId, kind, grantedFrom, note: note ?? null, grantedAt: command.metadata.now },
  });
}
