import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { ActionPlanProposed, ParticipantEvent } from '../participant/participant.events';
import { ParticipantState } from '../participant/participant.state';

/** The proposal's id is made by the edge (a random UUID), like a referral's participant id. */
export type ProposeActionPlan = Command<'ProposeActionPlan', Omit<ActionPlanProposed['data'], 'at'>>;

/**
 * propose-action-plan: the participant writes their own plan (IPS principle 3: their preferences steer the search), or proposes changes to
 * it, from the referral on: the specialist records it once they are on a caseload. A later proposal replaces an open
 * one. Once the referral was withdrawn or the participant discharged there is nobody to follow a plan up, so nothing
 * more is proposed; an erased participant is refused before this (`unlessErased`).
 */
export function decideProposeActionPlan(command: ProposeActionPlan, state: ParticipantState): Decision<ParticipantEvent> {
  switch (state.status) {
    case 'Unknown':
      return refuse('not-found', ParticipantErrors.notFound, 'no participant with this id that you may see');
    case 'Referred':
    case 'Enrolled':
      return accept({ type: 'ActionPlanProposed', data: { ...command.data, at: command.metadata.now } });
    case 'ReferralWithdrawn':
      return refuse('conflict', ParticipantErrors.referralClosed, 'the referral was withdrawn; a new referral opens a new plan');
    case 'Discharged':
      return refuse('conflict', ParticipantErrors.discharged, 'the participant was discharged; a new referral opens a new plan');
    case 'Erased':
      return refuse('conflict', ParticipantErrors.erased, `the participant's personal data was erased on ${state.erasedAt.slice(0, 10)}`);
    default:
      return assertNever(state);
  }
}
