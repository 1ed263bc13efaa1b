import { Command, Decision, accept, assertNever } from '@ips/kernel';
import { DischargeNoted, DischargeReason, ParticipantEmploymentEvent } from '../participant-employment/participant-employment.events';
import { ParticipantEmploymentState } from '../participant-employment/participant-employment.state';

export type NoteDischarge = Command<'NoteDischarge', { readonly participantId: string; readonly reason: DischargeReason }>;

/**
 * note-discharge: the welfare office decided the discharge: a fact to note, never to refuse. Noted even without an enrolment
 * seen here, so that a late copy of the enrolment cannot reopen the participant. Placements are left as
 * they are: people are discharged while they keep their job.
 */
export function decideNoteDischarge(command: NoteDischarge, state: ParticipantEmploymentState): Decision<ParticipantEmploymentEvent> {
  const noted: DischargeNoted = {
    type: 'DischargeNoted',
    data: {
      participantId: command.data.participantId,
      reason: command.data.reason,
      dischargedAt: command.metadata.now,
    },
  };
  switch (state.status) {
    case 'NotEnrolled':
    case 'Enrolled':
      return accept(noted);
    case 'Discharged':
      return accept();
    default:
      return assertNever(state);
  }
}
