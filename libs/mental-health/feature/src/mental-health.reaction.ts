import { Reaction } from '@ips/command-pipeline';
import {
  NoteDischarge,
  NoteEnrolment,
  ParticipantCareEvent,
  ParticipantCareState,
  decideNoteDischarge,
  decideNoteEnrolment,
  react,
} from '@ips/mental-health/domain';
import { Decision, assertNever } from '@ips/kernel';
import { participantCareSlice } from './participant-care.slice';

/** A command made from a shared event; its participant's stream is the aggregate it goes to. */
export type MentalHealthNotedCommand = NoteEnrolment | NoteDischarge;

/** Decides whichever command `react` made. */
export function decideNoted(command: MentalHealthNotedCommand, state: ParticipantCareState): Decision<ParticipantCareEvent> {
  switch (command.type) {
    case 'NoteEnrolment':
      return decideNoteEnrolment(command, state);
    case 'NoteDischarge':
      return decideNoteDischarge(command, state);
    default:
      return assertNever(command);
  }
}

/** Mental health notes the welfare office's enrolments and discharges; noting is idempotent, so redelivery is harmless. */
export const mentalHealthReaction: Reaction<ParticipantCareState, ParticipantCareEvent, MentalHealthNotedCommand> = {
  group: 'mental-health',
  slice: participantCareSlice,
  react,
  decide: decideNoted,
};
