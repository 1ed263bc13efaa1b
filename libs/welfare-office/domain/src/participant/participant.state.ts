import { Aggregate, assertNever } from '@ips/utils';
import { ParticipantEvent } from './participant.events';

interface Known {
  readonly participantId: string;
  readonly referredAt: string;
  readonly consent: { readonly shareWith: readonly string[]; readonly employerDisclosure: boolean } | null;
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
    return event.type === 'ParticipantReferred'
      ? { status: 'Referred', participantId: event.data.participantId, referredAt: event.data.referredAt, consent: null }
      : state;
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
      return { ...state, status: 'ReferralWithdrawn' };
    case 'ConsentGiven':
      return { ...state, consent: { shareWith: event.data.shareWith, employerDisclosure: event.data.employerDisclosure } };
    case 'ConsentWithdrawn':
      return { ...state, consent: null };
    case 'CareerProfileCreated':
      return state.status === 'Enrolled' ? { ...state, hasCareerProfile: true } : state;
    case 'ParticipantDischarged':
      return state.status === 'Enrolled' ? { ...state, status: 'Discharged' } : state;
    case 'CareerProfileUpdated':
    case 'ActionPlanWritten':
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
