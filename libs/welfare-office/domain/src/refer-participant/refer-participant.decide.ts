import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { ParticipantEvent, ParticipantReferred } from '../participant/participant.events';
import { ParticipantState } from '../participant/participant.state';

/** The team is resolved by the feature: the one named, or the default team while the platform defines none. */
export type ReferParticipant = Command<'ReferParticipant', Omit<ParticipantReferred['data'], 'referredAt' | 'teamId'> & { readonly teamId: string }>;

/**
 * refer-participant: zero exclusion: wanting to work is the only entry criterion, so nothing about the person can refuse
 * a referral. Only a second referral under the same participant id is refused.
 */
export function decideReferParticipant(command: ReferParticipant, state: ParticipantState): Decision<ParticipantEvent> {
  if (state.status !== 'Unknown') {
    return refuse('conflict', ParticipantErrors.alreadyReferred, 'this participant has already been referred');
  }
  return accept({ type: 'ParticipantReferred', data: { ...command.data, referredAt: command.metadata.now } });
}
