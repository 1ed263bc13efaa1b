import { Command, Decision, accept, assertNever } from '@ips/kernel';
import { EnrolmentNoted, ParticipantCareEvent } from '../participant-care/participant-care.events';
import { ParticipantCareState } from '../participant-care/participant-care.state';

export type NoteEnrolment = Command<'NoteEnrolment', Omit<EnrolmentNoted['data'], 'at'>>;

/**
 * note-enrolment: a fact from the welfare office, delivered at least once: noting it again changes nothing. A late
 * enrolment after a discharge changes nothing either; a returning person is referred anew, under a new id.
 */
export function decideNoteEnrolment(command: NoteEnrolment, state: ParticipantCareState): Decision<ParticipantCareEvent> {
  switch (state.status) {
    case 'NotEnrolled':
      return accept({ type: 'EnrolmentNoted', data: { ...command.data, at: command.metadata.now } });
    case 'Enrolled':
    case 'Discharged':
      return accept();
    default:
      return assertNever(state);
  }
}
