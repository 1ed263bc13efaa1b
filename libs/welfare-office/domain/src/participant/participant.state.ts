import { Aggregate, assertNever } from '@ips/utils';
import { ParticipantEvent } from './participant.events';

export type ParticipantState =
  | { readonly status: 'Unknown' }
  | { readonly status: 'Referred'; readonly participantId: string; readonly referredAt: string }
  | {
      readonly status: 'Enrolled';
      readonly participantId: string;
      readonly referredAt: string;
      readonly enrolledAt: string;
      readonly employmentSpecialistId: string;
      readonly contactPersonId: string;
    };

export const initialParticipantState: ParticipantState = { status: 'Unknown' };

export function evolveParticipant(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  switch (event.type) {
    case 'ParticipantReferred':
      return { status: 'Referred', participantId: event.data.participantId, referredAt: event.data.referredAt };
    case 'ParticipantEnrolled':
      return state.status === 'Unknown'
        ? state
        : {
            status: 'Enrolled',
            participantId: state.participantId,
            referredAt: state.referredAt,
            enrolledAt: event.data.enrolledAt,
            employmentSpecialistId: event.data.employmentSpecialistId,
            contactPersonId: event.data.contactPersonId,
          };
    default:
      return assertNever(event);
  }
}

export const participantAggregate: Aggregate<ParticipantState, ParticipantEvent> = {
  category: 'welfare-office.participant',
  initialState: initialParticipantState,
  evolve: evolveParticipant,
};
