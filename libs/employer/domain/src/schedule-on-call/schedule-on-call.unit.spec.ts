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

  describe("on a programme team (the on-call teams are the programme's teams)", () => {
    const member = (sub: string, role: string, from = '2026-01-05', until: string | null = null) => ({ sub, agency: 'welfare-office', role, from, until });
    const team = (members = [member('es-ingrid', 'employment-specialist'), member('sup-siri', 'supervisor')], timeZone = 'Europe/Oslo') => ({
      name: 'IPS Trondheim',
      timeZone,
      members,
    });
    const onTeam = (data: Partial<ScheduleOnCall['data']> = {}, programmeTeam = team()) => schedule({ programmeTeam, teamsDefined: true, ...data });

    it("schedules with no on-call definition of its own, reading local times in the programme team's zone", () => {
      spec.given().when(onTeam()).then(day);
      spec
        .given()
        .when(onTeam({}, team([member('es-ingrid', 'employment-specialist')], 'America/New_York')))
        .then(shift('day', 'es-ingrid', '2026-03-02T13:00:00.000Z', '2026-03-02T21:00:00.000Z'));
    });

    it('keeps deciding overlaps on its own shifts', () => {
      spec
        .given(day)
        .when(onTeam({ shiftId: 'late', from: '2026-03-02T15:00', to: '2026-03-02T20:00' }))
        .thenRefused(overlaps, 'conflict');
      spec.given(day).when(onTeam()).thenRefused(shiftAlreadyScheduled, 'conflict');
    });

    it("refuses a worker who is not on the team in the shift's role, or not for the whole shift (422 TEAM.NOT_A_MEMBER naming workerId)", () => {
      const notMember = [
        onTeam({ workerId: 'es-nobody' }),
        onTeam({ role: 'supervisor' }),
        onTeam({ workerId: 'sup-siri' }),
        onTeam({}, team([{ ...member('es-ingrid', 'employment-specialist'), agency: 'municipality' }])),
        // Joins the day after the shift starts; leaves on the shift's last day.
        onTeam({}, team([member('es-ingrid', 'employment-specialist', '2026-03-03')])),
        onTeam({ to: '2026-03-03T08:00' }, team([member('es-ingrid', 'employment-specialist', '2026-01-05', '2026-03-03')])),
      ];
      for (const command of notMember) spec.given().when(command).thenRefused(OnCallRosterErrors.notATeamMember, 'rejected');
      const decision = decideScheduleOnCall(onTeam({ workerId: 'es-nobody' }), { status: 'Undefined' });
      expect(decision.ok === false && decision.error.message).toMatch(/^workerId: es-nobody /);
    });

    it('takes a shift that ends at midnight as ending on the day before (the end is exclusive)', () => {
      spec
        .given()
        .when(onTeam({ from: '2026-03-02T16:00', to: '2026-03-03T00:00' }, team([member('es-ingrid', 'employment-specialist', '2026-01-05', '2026-03-03')])))
        .then(shift('day', 'es-ingrid', '2026-03-02T15:00:00.000Z', '2026-03-02T23:00:00.000Z'));
    });

    it('reads the zone of the programme team, not that of an on-call team defined before under the same id', () => {
      spec
        .given(teamDefined({ timeZone: 'America/New_York' }))
        .when(onTeam())
        .then(day);
    });
  });

  describe('an on-call team from before teams, once the programme has defined one', () => {
    it('takes no new shift (409 ON_CALL.USE_PROGRAMME_TEAMS)', () => {
      spec
        .given(teamDefined())
        .when(schedule({ teamsDefined: true }))
        .thenRefused(OnCallRosterErrors.useProgrammeTeams, 'conflict');
    });

    it('a roster of a programme team the directory no longer has is not found', () => {
      spec
        .given(day)
        .when(schedule({ shiftId: 'x', teamsDefined: true }))
        .thenRefused(teamNotFound, 'not-found');
    });
  });
});
