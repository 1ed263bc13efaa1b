import { decideSpec } from '@ips/testing';
import { fold } from '@ips/kernel';
import { employmentSpecialistOf, participantEmploymentAggregate, placementOf } from '../index';
import { at, discharged, enrolled, participantId, placementId, started } from '../testing/participant-employment.fixtures';
import { NoteDischarge, decideNoteDischarge } from './note-discharge.decide';

const spec = decideSpec(participantEmploymentAggregate, decideNoteDischarge);
const noteDischarge: NoteDischarge = {
  type: 'NoteDischarge',
  data: { participantId, reason: 'steady-employment' },
  metadata: at(discharged.data.dischargedAt),
};

describe('note discharge', () => {
  describe('NotEnrolled', () => {
    it('notes the discharge even without an enrolment seen here', () => {
      spec.given().when(noteDischarge).then(discharged);
    });
  });

  describe('Enrolled', () => {
    it('remembers the specialist: the employer line still routes to their team while the job goes on', () => {
      expect(employmentSpecialistOf(fold(participantEmploymentAggregate, [enrolled, started(), discharged]))).toBe('es-7');
      expect(employmentSpecialistOf(fold(participantEmploymentAggregate, [discharged]))).toBeNull();
    });

    it('notes the discharge', () => {
      spec.given(enrolled, started()).when(noteDischarge).then(discharged);
    });

    it('leaves the job in place: people are discharged while they keep working', () => {
      const state = fold(participantEmploymentAggregate, [enrolled, started(), discharged]);
      expect(state.status).toBe('Discharged');
      expect(placementOf(state, placementId)?.status).toBe('Active');
    });
  });

  describe('Discharged', () => {
    it('notes nothing new when told again', () => {
      spec.given(enrolled, discharged).when(noteDischarge).then();
    });
  });
});
