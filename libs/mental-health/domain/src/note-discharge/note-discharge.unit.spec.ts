import { decideSpec } from '@ips/testing';
import { participantCareAggregate } from '../index';
import { command, dischargeNoted, enrolmentNoted, flagRaised, now, participantId } from '../testing/participant-care.fixtures';
import { NoteDischarge, decideNoteDischarge } from './note-discharge.decide';

const spec = decideSpec(participantCareAggregate, decideNoteDischarge);
const note: NoteDischarge = command('NoteDischarge', { participantId, reason: 'steady-employment' });
const noted = { type: 'DischargeNoted' as const, data: { participantId, reason: 'steady-employment' as const, at: now } };

describe('note discharge', () => {
  describe('NotEnrolled', () => {
    it('changes nothing: this service never had the participant enrolled', () => {
      spec.given().when(note).then();
    });
  });

  describe('Enrolled', () => {
    it('notes the discharge and its reason', () => {
      spec.given(enrolmentNoted).when(note).then(noted);
    });
  });

  describe('Enrolled with an open flag', () => {
    it('still notes the discharge: the flag can be cleared afterwards', () => {
      spec.given(enrolmentNoted, flagRaised).when(note).then(noted);
    });
  });

  describe('Discharged', () => {
    it('changes nothing when the same discharge arrives again', () => {
      spec.given(enrolmentNoted, dischargeNoted).when(note).then();
    });
  });
});
