import { decideSpec } from '@ips/testing';
import { fold } from '@ips/kernel';
import { ParticipantEmploymentErrors, participantEmploymentAggregate, placementOf } from '../index';
import { at, discharged, ended, enrolled, otherPlacementId, participantId, placementId, started } from '../testing/participant-employment.fixtures';
import { EndPlacement, decideEndPlacement } from './end-placement.decide';

const spec = decideSpec(participantEmploymentAggregate, decideEndPlacement);
const endPlacement = (data: Partial<EndPlacement['data']> = {}): EndPlacement => ({
  type: 'EndPlacement',
  data: { participantId, placementId, endDate: '2026-05-29', reason: 'contract-ended', ...data },
  metadata: at('2026-05-29T15:00:00.000Z'),
});

describe('end placement', () => {
  describe('NotEnrolled', () => {
    it('refuses: there is no placement', () => {
      spec.given().when(endPlacement()).thenRefused(ParticipantEmploymentErrors.placementNotFound, 'not-found');
    });
  });

  describe('Enrolled', () => {
    it('ends the job with its last working day and reason', () => {
      spec.given(enrolled, started()).when(endPlacement()).then(ended());
    });

    it('keeps the note', () => {
      spec
        .given(enrolled, started())
        .when(endPlacement({ reason: 'health', note: 'wants a quieter workplace next time' }))
        .then(ended({ reason: 'health', note: 'wants a quieter workplace next time' }));
    });

    it('ends a job on its first day', () => {
      spec
        .given(enrolled, started())
        .when(endPlacement({ endDate: '2026-02-02' }))
        .then(ended({ endDate: '2026-02-02' }));
    });

    it('rejects an end before the start', () => {
      spec
        .given(enrolled, started())
        .when(endPlacement({ endDate: '2026-02-01' }))
        .thenRefused(ParticipantEmploymentErrors.endBeforeStart, 'rejected');
    });

    it('refuses an unknown placement', () => {
      spec
        .given(enrolled, started())
        .when(endPlacement({ placementId: otherPlacementId }))
        .thenRefused(ParticipantEmploymentErrors.placementNotFound, 'not-found');
    });

    it('ends only that job and leaves the participant enrolled', () => {
      const other = started({ placementId: otherPlacementId });
      const state = fold(participantEmploymentAggregate, [enrolled, started(), other, ended()]);
      expect(state.status).toBe('Enrolled');
      expect(placementOf(state, placementId)).toMatchObject({
        status: 'Ended',
        endDate: '2026-05-29',
        reason: 'contract-ended',
      });
      expect(placementOf(state, otherPlacementId)?.status).toBe('Active');
    });
  });

  describe('Enrolled, the job already ended', () => {
    it('refuses a second end', () => {
      spec.given(enrolled, started(), ended()).when(endPlacement()).thenRefused(ParticipantEmploymentErrors.placementEnded, 'conflict');
    });
  });

  describe('Discharged', () => {
    it('ends a job the participant kept after the discharge', () => {
      spec.given(enrolled, started(), discharged).when(endPlacement()).then(ended());
    });
  });
});
