import { Command, Decision, accept } from '@ips/utils';
import { ActionPlanWritten, ParticipantEvent } from '../participant/participant.events';
import { whenEnrolled } from '../participant/participant.rules';
import { ParticipantState } from '../participant/participant.state';

export type WriteActionPlan = Command<'WriteActionPlan', Omit<ActionPlanWritten['data'], 'at'>>;

/** The participant's own plan: their preferences steer the job search. A new plan replaces the last. */
export const decideWriteActionPlan = (command: WriteActionPlan, state: ParticipantState): Decision<ParticipantEvent> =>
  whenEnrolled(state, () => accept({ type: 'ActionPlanWritten', data: { ...command.data, at: command.metadata.now } }));
