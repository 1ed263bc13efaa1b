import { decideSpec, metadataAt } from '@ips/testing';
import { CrisisRotaErrors, CrisisRotaEvent, crisisRotaAggregate } from '../index';
import { CancelDuty, decideCancelDuty } from './cancel-duty.decide';

const rotaId = 'default';
const now = '2026-05-02T09:00:00.000Z';
const spec = decideSpec(crisisRotaAggregate, decideCancelDuty);
const metadata = metadataAt(now, { actor: { sub: 'mw-1', agency: 'municipality', role: 'municipal-worker' } });
const cancel = (shiftId = 'shift-1'): CancelDuty => ({ type: 'CancelDuty', data: { rotaId, shiftId }, metadata });
const scheduled: CrisisRotaEvent = {
  type: 'DutyScheduled',
  data: {
    rotaId,
    shiftId: 'shift-1',
    workerId: 'mw-2',
    name: 'Ingrid Berg',
    phone: '+4791234567',
    from: '2026-05-08T16:00:00.000Z',
    to: '2026-05-09T08:00:00.000Z',
    scheduledAt: '2026-05-01T12:00:00.000Z',
  },
};
const cancelled: CrisisRotaEvent = { type: 'DutyCancelled', data: { rotaId, shiftId: 'shift-1', cancelledAt: now } };

describe('cancel duty', () => {
  describe('Unknown', () => {
    it('refuses: the rota has no shifts', () => {
      spec.given().when(cancel()).thenRefused(CrisisRotaErrors.notFound, 'not-found');
    });
  });

  describe('Known', () => {
    it('cancels a scheduled shift', () => {
      spec.given(scheduled).when(cancel()).then(cancelled);
    });

    it('refuses an unknown shift id', () => {
      spec.given(scheduled).when(cancel('shift-9')).thenRefused(CrisisRotaErrors.notFound, 'not-found');
    });

    it('refuses to cancel a shift twice', () => {
      spec.given(scheduled, cancelled).when(cancel()).thenRefused(CrisisRotaErrors.alreadyCancelled, 'conflict');
    });
  });
});
