import { DISCHARGE_REASONS } from '@ips/contracts';
import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { ParticipantEvent } from '../participant/participant.events';
import { whenEnrolled } from '../participant/participant.rules';
import { ParticipantState } from '../participant/participant.state';

/** The reason arrives as text from the edge; only the listed reasons discharge. */
export type DischargeParticipant = Command<'DischargeParticipant', { participantId: string; reason: string; note?: string }>;

const isDischargeReason = (reason: string): reason is (typeof DISCHARGE_REASONS)[number] => (DISCHARGE_REASONS as readonly string[]).includes(reason);

/**
 * discharge-participant: discharge is a decision with a reason. Missed appointments are never one (assertive outreach: the
 * team goes after the participant instead), nor is losing a job.
 */
export function decideDischargeParticipant(command: DischargeParticipant, state: ParticipantState): Decision<ParticipantEvent> {
  if (state.status === 'Discharged') {
    return refuse('conflict', ParticipantErrors.alreadyDischarged, 'the participant is already discharged');
  }
  return whenEnrolled(state, () => {
    const { reason, ...rest } = command.data;
    if (!isDischargeReason(reason)) {
      return refuse(
        'rejected',
        ParticipantErrors.dischargeReasonNotAllowed,
        `"${reason}" is not a reason to discharge; allowed: ${DISCHARGE_REASONS.join(', ')}`,
      );
    }
    return accept({ type: 'ParticipantDischarged', data: { ...rest, reason, at: command.metadata.now } });
  });
}
