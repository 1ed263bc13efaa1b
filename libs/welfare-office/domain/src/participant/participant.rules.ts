import { Decision, refuse } from '@ips/kernel';
import { ParticipantErrors } from './participant.errors';
import { ParticipantEvent } from './participant.events';
import { ParticipantState } from './participant.state';

type EnrolledState = Extract<ParticipantState, { status: 'Enrolled' }>;

/** Work with a participant (profile, plan, counselling, job search) needs them on a caseload. */
export function whenEnrolled(state: ParticipantState, decide: (state: EnrolledState) => Decision<ParticipantEvent>): Decision<ParticipantEvent> {
  if (state.status === 'Unknown') return refuse('not-found', ParticipantErrors.notFound, 'no participant with this id that you may see');
  if (state.status !== 'Enrolled') {
    return refuse('conflict', ParticipantErrors.notEnrolled, `the participant is not enrolled (${state.status})`);
  }
  return decide(state);
}

/**
 * Nothing more is recorded about an erased participant: every welfare-office command goes through this.
 * (Other agencies learn it when they try to seal something personal about them: the key is gone.)
 */
export const unlessErased =
  <C, S extends ParticipantState>(decide: (command: C, state: S) => Decision<ParticipantEvent>) =>
  (command: C, state: S): Decision<ParticipantEvent> =>
    state.status === 'Erased'
      ? refuse('conflict', ParticipantErrors.erased, `the participant's personal data was erased on ${state.erasedAt.slice(0, 10)}; nothing more is recorded`)
      : decide(command, state);

/** A date something happened cannot be after the day it is recorded. */
export const isFuture = (date: string, now: string): boolean => date > now.slice(0, 10);

export const refuseFutureDate = (field: string): Decision<ParticipantEvent> => refuse('rejected', ParticipantErrors.dateInFuture, `${field} is in the future`);
