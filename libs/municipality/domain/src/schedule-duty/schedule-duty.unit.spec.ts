import { decideSpec, metadataAt } from '@ips/testing';
import { CrisisRotaErrors, CrisisRotaEvent, DutyScheduled, crisisRotaAggregate } from '../index';
import { ScheduleDuty, decideScheduleDuty } from './schedule-duty.decide';

const rotaId = 'default';
const now = '2026-05-01T12:00:00.000Z';
const spec = decideSpec(crisisRotaAggregate, decideScheduleDuty);
const metadata = metadataAt(now, { actor: { sub: 'mw-1', agency: 'municipality', role: 'municipal-worker' } });
const shift: ScheduleDuty['data'] = {
  rotaId,
  shiftId: 'shift-1',
  workerId: 'mw-2',
  name: 'Ingrid Berg',
  phone: '+4791234567',
  from: '2026-05-08T16:00:00.000Z',
  to: '2026-05-09T08:00:00.000Z',
};
const schedule = (data: Partial<ScheduleDuty['data']> = {}): ScheduleDuty => ({
  type: 'ScheduleDuty',
  data: { ...shift, ...data },
  metadata,
});
const scheduled = (data: Partial<DutyScheduled['data']> = {}): DutyScheduled => ({
  type: 'DutyScheduled',
  data: { ...shift, scheduledAt: now, ...data },
});
const earlier = scheduled({ shiftId: 'shift-0', scheduledAt: '2026-04-20T12:00:00.000Z' });
const earlierCancelled: CrisisRotaEvent = {
  type: 'DutyCancelled',
  data: { rotaId, shiftId: 'shift-0', cancelledAt: '2026-04-21T12:00:00.000Z' },
};

describe('schedule duty', () => {
  describe('Unknown', () => {
    it('schedules the first shift on the rota', () => {
      spec.given().when(schedule()).then(scheduled());
    });

    it.each(['4791234567', '+47 912 34 567', '+1234567', '+1234567890123456', '+47abc12345', ''])('rejects the phone number %p', (phone) => {
      spec.given().when(schedule({ phone })).thenRefused(CrisisRotaErrors.invalidPhone, 'rejected');
    });

    it.each([
      ['ends when it starts', '2026-05-08T16:00:00.000Z'],
      ['ends before it starts', '2026-05-08T15:59:59.999Z'],
      ['has no valid end', 'tomorrow morning'],
    ])('rejects a shift that %s', (_, to) => {
      spec.given().when(schedule({ to })).thenRefused(CrisisRotaErrors.invalidPeriod, 'rejected');
    });
  });

  describe('Known', () => {
    it('refuses a reused shift id', () => {
      spec
        .given(scheduled({ scheduledAt: '2026-04-20T12:00:00.000Z' }))
        .when(schedule({ workerId: 'mw-3', from: '2026-06-01T16:00:00.000Z', to: '2026-06-02T08:00:00.000Z' }))
        .thenRefused(CrisisRotaErrors.alreadyScheduled, 'conflict');
    });

    it('refuses a reused shift id even when that shift was cancelled', () => {
      spec
        .given(earlier, earlierCancelled)
        .when(schedule({ shiftId: 'shift-0' }))
        .thenRefused(CrisisRotaErrors.alreadyScheduled, 'conflict');
    });

    it('refuses an overlapping shift for the same worker', () => {
      spec
        .given(earlier)
        .when(schedule({ from: '2026-05-09T07:00:00.000Z', to: '2026-05-09T20:00:00.000Z' }))
        .thenRefused(CrisisRotaErrors.overlaps, 'conflict');
    });

    it('refuses a shift inside another shift of the same worker', () => {
      spec
        .given(earlier)
        .when(schedule({ from: '2026-05-08T20:00:00.000Z', to: '2026-05-08T22:00:00.000Z' }))
        .thenRefused(CrisisRotaErrors.overlaps, 'conflict');
    });

    it('schedules a back-to-back shift for the same worker', () => {
      const next = { from: '2026-05-09T08:00:00.000Z', to: '2026-05-09T16:00:00.000Z' };
      spec.given(earlier).when(schedule(next)).then(scheduled(next));
    });

    it('schedules another worker at the same time', () => {
      spec
        .given(earlier)
        .when(schedule({ workerId: 'mw-3', name: 'Per Lund', phone: '+4798765432' }))
        .then(scheduled({ workerId: 'mw-3', name: 'Per Lund', phone: '+4798765432' }));
    });

    it('schedules over a cancelled shift of the same worker', () => {
      spec.given(earlier, earlierCancelled).when(schedule()).then(scheduled());
    });
  });
});
