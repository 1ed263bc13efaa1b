import { Command, Decision, accept, refuse } from '@ips/utils';
import { ParticipantServicesErrors } from '../participant-services/participant-services.errors';
import { ParticipantServicesEvent } from '../participant-services/participant-services.events';
import { ParticipantServicesState } from '../participant-services/participant-services.state';

export type AssignContactPerson = Command<
  'AssignContactPerson',
  { readonly participantId: string; readonly contactPersonId: string }
>;

/** The municipality serves residents whether or not they are in IPS, so there is no enrolment to check. */
export function decideAssignContactPerson(
  command: AssignContactPerson,
  state: ParticipantServicesState,
): Decision<ParticipantServicesEvent> {
  const { participantId, contactPersonId } = command.data;
  if (state.status === 'Known' && state.contactPersonId === contactPersonId) {
    return refuse('conflict', ParticipantServicesErrors.contactUnchanged, 'this person is already the contact person');
  }
  return accept({
    type: 'MunicipalContactAssigned',
    data: { participantId, contactPersonId, assignedAt: command.metadata.now },
  });
}
