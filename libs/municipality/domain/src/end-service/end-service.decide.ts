import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantServicesErrors } from '../participant-services/participant-services.errors';
import { ParticipantServicesEvent } from '../participant-services/participant-services.events';
import { ParticipantServicesState, findService } from '../participant-services/participant-services.state';

export type EndService = Command<
  'EndService',
  { readonly participantId: string; readonly serviceId: string; readonly endedOn: string; readonly reason?: string }
>;

/** end-service: a service the participant has ends, once, on a day no earlier than its first. */
export function decideEndService(command: EndService, state: ParticipantServicesState): Decision<ParticipantServicesEvent> {
  const { participantId, serviceId, endedOn, reason } = command.data;
  const service = findService(state, serviceId);
  if (!service) {
    return refuse('not-found', ParticipantServicesErrors.serviceNotFound, 'no such service for this participant');
  }
  if (service.endedOn !== null) {
    return refuse('conflict', ParticipantServicesErrors.serviceAlreadyEnded, `it already ended on ${service.endedOn}`);
  }
  // Both are YYYY-MM-DD dates, so string order is date order. Ending on the first day is a one-day service.
  if (endedOn < service.grantedFrom) {
    return refuse('rejected', ParticipantServicesErrors.serviceEndBeforeStart, `it started on ${service.grantedFrom}`);
  }
  return accept({
    type: 'MunicipalServiceEnded',
    data: { participantId, serviceId, endedOn, reason: reason ?? null, endedAt: command.metadata.now },
  });
}
