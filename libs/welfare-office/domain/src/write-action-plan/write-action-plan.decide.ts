import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { ActionPlanWritten, ParticipantEvent } from '../participant/participant.events';
import { whenEnrolled } from '../participant/participant.rules';
import { ParticipantState } from '../participant/participant.state';

export type WriteActionPlan = Command<'WriteActionPlan', Omit<ActionPlanWritten['data'], 'at'>>;

/**
 * write-action-plan: the participant's own plan: their preferences steer the job search. A new plan replaces the last. Recorded from the
 * participant's proposal (`proposalId`), it must name the one still open: one they never made is not found, one a plan
 * already recorded or something later closed is a conflict (the specialist reads the open one again).
 */
export const decideWriteActionPlan = (command: WriteActionPlan, state: ParticipantState): Decision<ParticipantEvent> =>
  whenEnrolled(state, ({ proposals }) => {
    const { proposalId } = command.data;
    if (proposalId !== undefined && proposalId !== proposals.open) {
      return proposals.closed.includes(proposalId)
        ? refuse('conflict', ParticipantErrors.proposalClosed, 'this proposal is no longer open: a plan recorded it, or a later plan or proposal replaced it')
        : refuse('not-found', ParticipantErrors.proposalNotFound, 'the participant made no proposal with this id');
    }
    return accept({ type: 'ActionPlanWritten', data: { ...command.data, at: command.metadata.now } });
  });
