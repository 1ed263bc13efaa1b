import { fold } from '@ips/kernel';
import { CrisisRotaEvent, DutyScheduled, OnDutyWorker, crisisRotaAggregate } from '../index';
import { onDutyAt, shiftsAhead } from './on-duty-at.query';

const rotaId = 'default';
const ingrid: OnDutyWorker = { workerId: 'mw-2', name: 'Ingrid Berg', phone: '+4791234567' };
const per: OnDutyWorker = { workerId: 'mw-3', name: 'Per Lund', phone: '+4798765432' };
const kari: OnDutyWorker = { workerId: 'mw-4', name: 'Kari Moe', phone: '+4740000000' };
const ola: OnDutyWorker = { workerId: 'mw-5', name: 'Ola Dahl', phone: '+4741111111' };
const shift = (shiftId: string, worker: OnDutyWorker, from: string, to: string): DutyScheduled => ({
  type: 'DutyScheduled',
  data: { rotaId, shiftId, ...worker, from, to, scheduledAt: '2026-05-01T12:00:00.000Z' },
});
const history: CrisisRotaEvent[] = [
  shift('night', ingrid, '2026-05-08T16:00:00.000Z', '2026-05-09T08:00:00.000Z'),
  shift('day', per, '2026-05-09T08:00:00.000Z', '2026-05-09T16:00:00.000Z'),
  shift('backup', kari, '2026-05-08T20:00:00.000Z', '2026-05-09T02:00:00.000Z'),
  shift('cancelled', ola, '2026-05-08T16:00:00.000Z', '2026-05-09T08:00:00.000Z'),
  { type: 'DutyCancelled', data: { rotaId, shiftId: 'cancelled', cancelledAt: '2026-05-02T09:00:00.000Z' } },
];
const rota = fold(crisisRotaAggregate, history);

describe('on duty at', () => {
  describe('Unknown', () => {
    it('has nobody on duty', () => {
      expect(onDutyAt(crisisRotaAggregate.initialState, '2026-05-08T20:00:00.000Z')).toEqual([]);
    });
  });

  describe('Known', () => {
    it('lists the worker whose shift covers the instant', () => {
      expect(onDutyAt(rota, '2026-05-08T17:00:00.000Z')).toEqual([ingrid]);
    });

    it('lists every worker on duty at once, earliest shift first', () => {
      expect(onDutyAt(rota, '2026-05-08T22:00:00.000Z')).toEqual([ingrid, kari]);
    });

    it('counts a shift from its first instant', () => {
      expect(onDutyAt(rota, '2026-05-08T16:00:00.000Z')).toEqual([ingrid]);
    });

    it('hands over at the end instant: the next shift, not the ending one', () => {
      expect(onDutyAt(rota, '2026-05-09T08:00:00.000Z')).toEqual([per]);
    });

    it('still lists the ending shift a millisecond before its end', () => {
      expect(onDutyAt(rota, '2026-05-09T07:59:59.999Z')).toEqual([ingrid]);
    });

    it('compares instants, not their spelling', () => {
      expect(onDutyAt(rota, '2026-05-09T08:00:00Z')).toEqual([per]);
    });

    it('leaves out cancelled shifts', () => {
      expect(onDutyAt(rota, '2026-05-08T17:00:00.000Z')).not.toContainEqual(ola);
    });

    it('has nobody on duty outside every shift', () => {
      expect(onDutyAt(rota, '2026-05-09T16:00:00.000Z')).toEqual([]);
      expect(onDutyAt(rota, '2026-05-08T15:59:59.999Z')).toEqual([]);
    });
  });
});

describe('the shifts ahead', () => {
  it('lists the shifts not over yet, the one on now first, without cancelled ones', () => {
    expect(shiftsAhead(rota, '2026-05-08T22:00:00.000Z').map((shift) => shift.shiftId)).toEqual(['night', 'backup', 'day']);
    expect(shiftsAhead(rota, '2026-05-09T02:00:00.000Z').map((shift) => shift.shiftId)).toEqual(['night', 'day']);
    expect(shiftsAhead(rota, '2026-05-09T16:00:00.000Z')).toEqual([]);
  });

  it('gives each shift its id, worker and times', () => {
    expect(shiftsAhead(rota, '2026-05-09T09:00:00.000Z')).toEqual([
      { shiftId: 'day', ...per, from: '2026-05-09T08:00:00.000Z', to: '2026-05-09T16:00:00.000Z' },
    ]);
  });
});
