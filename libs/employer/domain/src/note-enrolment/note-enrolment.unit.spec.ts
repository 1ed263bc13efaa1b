import { decideSpec } from '@ips/testing';
import { participantEmploymentAggregate } from '../index';
import { at, discharged, enrolled, participantId } from '../testing/participant-employment.fixtures';
import { NoteEnrolment, decideNoteEnrolment } from './note-enrolment.decide';

const spec = decideSpec(participantEmploymentAggregate, decideNoteEnrolment);
const noteEnrolment = (now = enrolled.data.enrolledAt): NoteEnrolment => ({
  type: 'NoteEnrolment',
  data: { participantId, employmentSpecialistId: 'es-7' },
  metadata: at(now),
});

describe('note enrolment', () => {
  describe('NotEnrolled', () => {
    it('notes the enrolment at the time the welfare office made it', () => {
      spec.given().when(noteEnrolment()).then(enrolled);
    });
  });

  describe('Enrolled', () => {
    it('notes nothing new when told again', () => {
      spec.given(enrolled).when(noteEnrolment()).then();
    });
  });

  describe('Discharged', () => {
    it('notes nothing for the old enrolment delivered again', () => {
      spec.given(enrolled, discharged).when(noteEnrolment()).then();
    });

    it('notes a re-enrolment after the discharge', () => {
      const later = '2027-06-01T09:00:00.000Z';
      spec
        .given(enrolled, discharged)
        .when(noteEnrolment(later))
        .then({ ...enrolled, data: { ...enrolled.data, enrolledAt: later } });
    });
  });
});
