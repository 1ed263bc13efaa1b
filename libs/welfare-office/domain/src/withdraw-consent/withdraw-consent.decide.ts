import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { ConsentWithdrawn, ParticipantEvent } from '../participant/participant.events';
import { ParticipantState } from '../participant/participant.state';

export type WithdrawConsent = Command<'WithdrawConsent', Omit<ConsentWithdrawn['data'], 'at'>>;

/** withdraw-consent: the participant takes their consent back; from now on each agency sees only its own entries. */
export function decideWithdrawConsent(command: WithdrawConsent, state: ParticipantState): Decision<ParticipantEvent> {
  if (state.status === 'Unknown') return refuse('not-found', ParticipantErrors.notFound, 'no participant with this id that you may see');
  if (state.status === 'Erased') return refuse('conflict', ParticipantErrors.erased, 'the participant was erased');
  if (!state.consent) return refuse('conflict', ParticipantErrors.noConsent, 'there is no consent to withdraw');
  return accept({ type: 'ConsentWithdrawn', data: { ...command.data, at: command.metadata.now } });
}
