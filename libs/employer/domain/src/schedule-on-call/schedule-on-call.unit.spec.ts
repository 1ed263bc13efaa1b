import { decideSpec } from '@ips/testing';
import { OnCallRosterErrors, onCallRosterAggregate } from '../index';
import { cancelled, shift, supervisorAt, teamDefined, teamId } from '../testing/on-call-roster.fixtures';
import { ScheduleOnCall, decideScheduleOnCall } from './schedule-on-call.decide';

const { teamNotFound, invalidTime, invalidPeriod, shiftAlreadyScheduled, overlaps } = OnCallRosterErrors;
const spec = decideSpec(onCallRosterAggregate, decideScheduleOnCall);
const schedule = (data: Partial<ScheduleOnCall['data']> = {}): ScheduleOnCall => ({
  type: 'ScheduleOnCall',
  data: {
    teamId,
    shiftId: 'day',
    workerId: 'es-ingrid',
    role: 'employment-specialist',
    from: '2026-03-02T08:00',
    to: '2026-03-02T16:00',
    ...data,
  },
  metadata: supervisorAt('2026-02-25T09:00:00.000Z'),
});
const day = shift('day', 'es-ingrid', '2026-03-02T07:00:00.000Z', '2026-03-02T15:00:00.000Z');

describe('schedule on call', () => {
  describe('Undefined', () => {
    it('refuses: a team needs its time zone before its shifts can be read', () => {
      spec.given().when(schedule()).thenRefused(teamNotFound, 'not-found');
    });
  });

  describe('Defined', () => {
    it('reads local times in the team zone and stores instants', () => {
      spec.given(teamDefined()).when(schedule()).then(day);
    });

    it('takes instants with their own zone as they are', () => {
      spec
        .given(teamDefined())
        .when(schedule({ from: '2026-03-02T07:00:00Z', to: '2026-03-02T16:00:00+01:00' }))
        .then(day);
    });

    it('schedules across the spring daylight-saving change by the wall clock', () => {
      const night = { shiftId: 'night', from: '2026-03-28T16:00', to: '2026-03-29T08:00' };
      spec
        .given(teamDefined())
        .when(schedule(night))
        .then(shift('night', 'es-ingrid', '2026-03-28T15:00:00.000Z', '2026-03-29T06:00:00.000Z'));
    });

    it('schedules a supervisor', () => {
      spec
        .given(teamDefined())
        .when(schedule({ shiftId: 'sup', workerId: 'sup-siri', role: 'supervisor' }))
        .then(shift('sup', 'sup-siri', '2026-03-02T07:00:00.000Z', '2026-03-02T15:00:00.000Z', 'supervisor'));
    });

    it('hands over back to back: the next shift starts when the last ends', () => {
      const evening = { shiftId: 'evening', from: '2026-03-02T16:00', to: '2026-03-03T08:00' };
      spec
        .given(teamDefined(), day)
        .when(schedule(evening))
        .then(shift('evening', 'es-ingrid', '2026-03-02T15:00:00.000Z', '2026-03-03T07:00:00.000Z'));
    });

    it.each([
      ['an impossible date', { from: '2026-02-30T08:00' }, invalidTime],
      ['a time without minutes', { to: '2026-03-02T16' }, invalidTime],
      ['an end before the start', { to: '2026-03-02T07:59' }, invalidPeriod],
      ['an end at the start', { to: '2026-03-02T08:00' }, invalidPeriod],
      ['more than a fortnight', { to: '2026-03-16T08:01' }, invalidPeriod],
    ])('rejects %s', (_, times, code) => {
      spec.given(teamDefined()).when(schedule(times)).thenRefused(code, 'rejected');
    });

    it('refuses a shift id twice', () => {
      spec
        .given(teamDefined(), day)
        .when(schedule({ workerId: 'es-per', from: '2026-03-03T08:00', to: '2026-03-03T16:00' }))
        .thenRefused(shiftAlreadyScheduled, 'conflict');
    });

    it('refuses overlapping shifts for one worker', () => {
      spec
        .given(teamDefined(), day)
        .when(schedule({ shiftId: 'late', from: '2026-03-02T15:00', to: '2026-03-02T20:00' }))
        .thenRefused(overlaps, 'conflict');
    });

    it('schedules another worker at the same time', () => {
      spec
        .given(teamDefined(), day)
        .when(schedule({ shiftId: 'per', workerId: 'es-per' }))
        .then(shift('per', 'es-per', '2026-03-02T07:00:00.000Z', '2026-03-02T15:00:00.000Z'));
    });

    it('schedules over a cancelled shift of the same worker', () => {
      spec
        .given(teamDefined(), day, cancelled('day'))
        .when(schedule({ shiftId: 'again' }))
        .then(shift('again', 'es-ingrid', '2026-03-02T07:00:00.000Z', '2026-03-02T15:00:00.000Z'));
    });
  });
});
