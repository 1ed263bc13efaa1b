import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { ParticipantEvent } from '../participant/participant.events';
import { ParticipantState } from '../participant/participant.state';

export type ChangeContactDetails = Command<'ChangeContactDetails', { participantId: string; phone?: string; email?: string }>;

/**
 * change-contact-details: how the team reaches the participant, from referral on (assertive outreach needs it early, and after
 * discharge the door stays open). The new details replace the old: a field left out is cleared.
 */
export function decideChangeContactDetails(command: ChangeContactDetails, state: ParticipantState): Decision<ParticipantEvent> {
  if (state.status === 'Unknown') return refuse('not-found', ParticipantErrors.notFound, 'no participant with this id that you may see');
  const { participantId, phone, email } = command.data;
  return accept({
    type: 'ContactDetailsChanged',
    data: { participantId, ...(phone === undefined ? {} : { phone }), ...(email === undefined ? {} : { email }), at: command.metadata.now },
  });
}
