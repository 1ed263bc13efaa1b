import { DEFAULT_TEAM_ID } from '@ips/contracts';
import { Aggregate, assertNever } from '@ips/kernel';
import { ParticipantEvent } from './participant.events';

/**
 * The participant's proposals for their plan: the one still open (a plan may record it), and those closed (recorded, or
 * replaced by a later plan or proposal, or left at the discharge or withdrawal).
 */
export interface PlanProposals {
  readonly open: string | null;
  readonly closed: readonly string[];
}

const noProposals: PlanProposals = { open: null, closed: [] };

/** Closes the open proposal (if any) and opens `next` (or none). */
const closeOpen = (proposals: PlanProposals, next: string | null = null): PlanProposals => ({
  open: next,
  closed: proposals.open === null ? proposals.closed : [...proposals.closed, proposals.open],
});

/** The participant's time with one team, from its first day (the day of the referral, or of the transfer). */
export interface TeamPeriod {
  readonly teamId: string;
  readonly from: string;
}

interface Known {
  readonly participantId: string;
  readonly referredAt: string;
  readonly consent: { readonly shareWith: readonly string[]; readonly employerDisclosure: boolean } | null;
  /** The team the participant belongs to: the one of the latest transfer, also while its day is still ahead. */
  readonly teamId: string;
  /** Every team they belonged to, oldest first; the last is `teamId`. */
  readonly teams: readonly TeamPeriod[];
  readonly proposals: PlanProposals;
}

interface OnCaseload extends Known {
  readonly enrolledAt: string;
  readonly employmentSpecialistId: string;
  readonly contactPersonId: string;
  readonly hasCareerProfile: boolean;
}

export type ParticipantState =
  | { readonly status: 'Unknown' }
  | ({ readonly status: 'Referred' } & Known)
  | ({ readonly status: 'ReferralWithdrawn' } & Known)
  | ({ readonly status: 'Enrolled' } & OnCaseload)
  | ({ readonly status: 'Discharged' } & OnCaseload)
  | { readonly status: 'Erased'; readonly participantId: string; readonly erasedAt: string };

export const initialParticipantState: ParticipantState = { status: 'Unknown' };

export function evolveParticipant(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  if (state.status === 'Unknown') {
    if (event.type !== 'ParticipantReferred') return state;
    // Referrals recorded before teams existed name none: those participants belong to the default team.
    const teamId = event.data.teamId ?? DEFAULT_TEAM_ID;
    return {
      status: 'Referred',
      participantId: event.data.participantId,
      referredAt: event.data.referredAt,
      consent: null,
      teamId,
      teams: [{ teamId, from: event.data.referredAt.slice(0, 10) }],
      proposals: noProposals,
    };
  }
  if (state.status === 'Erased') return state;
  switch (event.type) {
    case 'ParticipantErased':
      return { status: 'Erased', participantId: state.participantId, erasedAt: event.data.at };
    case 'ParticipantReferred':
      return state;
    case 'ParticipantEnrolled':
      return {
        ...state,
        status: 'Enrolled',
        enrolledAt: event.data.enrolledAt,
        employmentSpecialistId: event.data.employmentSpecialistId,
        contactPersonId: event.data.contactPersonId,
        hasCareerProfile: false,
      };
    case 'ReferralWithdrawn':
      return { ...state, status: 'ReferralWithdrawn', proposals: closeOpen(state.proposals) };
    case 'ConsentGiven':
      return { ...state, consent: { shareWith: event.data.shareWith, employerDisclosure: event.data.employerDisclosure } };
    case 'ConsentWithdrawn':
      return { ...state, consent: null };
    case 'CareerProfileCreated':
      return state.status === 'Enrolled' ? { ...state, hasCareerProfile: true } : state;
    case 'ParticipantDischarged':
      return state.status === 'Enrolled' ? { ...state, status: 'Discharged', proposals: closeOpen(state.proposals) } : state;
    case 'ActionPlanProposed':
      return { ...state, proposals: closeOpen(state.proposals, event.data.proposalId) };
    case 'ActionPlanWritten':
      // Recorded from the open proposal or not, a later plan leaves no proposal open.
      return { ...state, proposals: closeOpen(state.proposals) };
    case 'ParticipantTransferred':
      return { ...state, teamId: event.data.toTeamId, teams: [...state.teams, { teamId: event.data.toTeamId, from: event.data.on }] };
    case 'CareerProfileUpdated':
    case 'BenefitsCounsellingHeld':
    case 'EmployerContactMade':
    case 'ParticipantContactRecorded':
    case 'ContactDetailsChanged':
      return state;
    default:
      return assertNever(event);
  }
}

export const participantAggregate: Aggregate<ParticipantState, ParticipantEvent> = {
  category: 'welfare-office.participant',
  initialState: initialParticipantState,
  evolve: evolveParticipant,
};
