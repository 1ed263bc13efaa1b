import { Command, Decision, accept, assertNever } from '@ips/kernel';
import { DischargeNoted, ParticipantCareEvent } from '../participant-care/participant-care.events';
import { ParticipantCareState } from '../participant-care/participant-care.state';

export type NoteDischarge = Command<'NoteDischarge', Omit<DischargeNoted['data'], 'at'>>;

/** note-discharge: delivered at least once, so noting it again changes nothing; nor does a discharge of someone never enrolled here. */
export function decideNoteDischarge(command: NoteDischarge, state: ParticipantCareState): Decision<ParticipantCareEvent> {
  switch (state.status) {
    case 'Enrolled':
      return accept({ type: 'DischargeNoted', data: { ...command.data, at: command.metadata.now } });
    case 'NotEnrolled':
    case 'Discharged':
      return accept();
    default:
      return assertNever(state);
  }
}
