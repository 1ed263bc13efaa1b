import {
  NoteDischarge,
  NoteEnrolment,
  ParticipantEmploymentEvent,
  ParticipantEmploymentState,
  decideNoteDischarge,
  decideNoteEnrolment,
  react,
} from '@ips/employer/domain';
import { Decision, assertNever } from '@ips/utils';
import { participantEmploymentSlice } from '../participant-employment.slice';

/** The commands `react` makes, each decided on the participant's employment stream. */
export function decideNotedFact(
  command: NoteEnrolment | NoteDischarge,
  state: ParticipantEmploymentState,
): Decision<ParticipantEmploymentEvent> {
  switch (command.type) {
    case 'NoteEnrolment':
      return decideNoteEnrolment(command, state);
    case 'NoteDischarge':
      return decideNoteDischarge(command, state);
    default:
      return assertNever(command);
  }
}

/**
 * The welfare office's enrolments and discharges, noted here so placements can check them. The app
 * subscribes `group` to the bus and runs each command from `react` through the pipeline on `slice`,
 * with `decide`, for the aggregate `command.data.participantId`.
 */
export const employerReaction = {
  group: 'employer',
  slice: participantEmploymentSlice,
  react,
  decide: decideNotedFact,
} as const;
