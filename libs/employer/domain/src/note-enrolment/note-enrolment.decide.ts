import { Command, Decision, accept, assertNever } from '@ips/kernel';
import { EnrolmentNoted, ParticipantEmploymentEvent } from '../participant-employment/participant-employment.events';
import { ParticipantEmploymentState } from '../participant-employment/participant-employment.state';

export type NoteEnrolment = Command<'NoteEnrolment', { readonly participantId: string; readonly employmentSpecialistId: string }>;

/** note-enrolment: the welfare office decided the enrolment: a fact to note, never to refuse, and noting it again changes nothing. */
export function decideNoteEnrolment(command: NoteEnrolment, state: ParticipantEmploymentState): Decision<ParticipantEmploymentEvent> {
  const noted: EnrolmentNoted = {
    type: 'EnrolmentNoted',
    data: {
      participantId: command.data.participantId,
      employmentSpecialistId: command.data.employmentSpecialistId,
      enrolledAt: command.metadata.now,
    },
  };
  switch (state.status) {
    case 'NotEnrolled':
      return accept(noted);
    case 'Enrolled':
      return accept();
    case 'Discharged':
      // Enrolled after the discharge is a re-enrolment; enrolled before it is the old fact delivered again.
      return Date.parse(command.metadata.now) > Date.parse(state.dischargedAt) ? accept(noted) : accept();
    default:
      return assertNever(state);
  }
}
