import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { ParticipantEvent, ReferralWithdrawn } from '../participant/participant.events';
import { ParticipantState } from '../participant/participant.state';

export type WithdrawReferral = Command<'WithdrawReferral', Omit<ReferralWithdrawn['data'], 'at'>>;

/** withdraw-referral: zero exclusion: a referral ends only by the participant's own choice, and the reason is kept. */
export function decideWithdrawReferral(command: WithdrawReferral, state: ParticipantState): Decision<ParticipantEvent> {
  if (state.status === 'Unknown') return refuse('not-found', ParticipantErrors.notFound, 'no participant with this id that you may see');
  if (state.status !== 'Referred') {
    return refuse('conflict', ParticipantErrors.referralClosed, `the referral is no longer open (${state.status})`);
  }
  return accept({ type: 'ReferralWithdrawn', data: { ...command.data, at: command.metadata.now } });
}
