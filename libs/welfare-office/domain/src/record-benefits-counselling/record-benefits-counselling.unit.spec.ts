import { decideSpec } from '@ips/testing';
import { ParticipantErrors, participantAggregate } from '../index';
import { command, enrolled, now, participantId, referred } from '../testing/participant.fixtures';
import { decideRecordBenefitsCounselling } from './record-benefits-counselling.decide';

const spec = decideSpec(participantAggregate, decideRecordBenefitsCounselling);
const session = (heldOn: string) =>
  command('RecordBenefitsCounselling' as const, { participantId, heldOn, topics: ['disability benefit and part-time wages'] });

describe('record-benefits-counselling: benefits counselling', () => {
  describe('Enrolled', () => {
    it('is recorded', () =>
      spec
        .given(referred, enrolled)
        .when(session('2026-02-09'))
        .then({
          type: 'BenefitsCounsellingHeld',
          data: { ...session('2026-02-09').data, at: now },
        }));
    it('cannot have happened tomorrow', () =>
      spec.given(referred, enrolled).when(session('2026-02-11')).thenRefused(ParticipantErrors.dateInFuture, 'rejected'));
  });
});
