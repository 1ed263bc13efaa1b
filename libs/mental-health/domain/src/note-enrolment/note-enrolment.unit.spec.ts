import { decideSpec } from '@ips/testing';
import { participantCareAggregate } from '../index';
import { command, dischargeNoted, enrolmentNoted, now, participantId } from '../testing/participant-care.fixtures';
import { NoteEnrolment, decideNoteEnrolment } from './note-enrolment.decide';

const spec = decideSpec(participantCareAggregate, decideNoteEnrolment);
const note: NoteEnrolment = command('NoteEnrolment', { participantId, employmentSpecialistId: 'es-7' });

describe('note enrolment', () => {
  describe('NotEnrolled', () => {
    it('notes the enrolment at the time the welfare office made it', () => {
      spec
        .given()
        .when(note)
        .then({ type: 'EnrolmentNoted', data: { participantId, employmentSpecialistId: 'es-7', at: now } });
    });
  });

  describe('Enrolled', () => {
    it('changes nothing when the same enrolment arrives again', () => {
      spec.given(enrolmentNoted).when(note).then();
    });
  });

  describe('Discharged', () => {
    it('changes nothing when a late enrolment arrives after the discharge', () => {
      spec.given(enrolmentNoted, dischargeNoted).when(note).then();
    });
  });
});
