import { randomUUID } from 'node:crypto';
import { FeatureTestApp, startFeatureTestApp } from '@ips/command-pipeline/testing';
import { EmployerModule } from './index';
import { noProgrammeTeams } from './contact-line/programme-teams.port';
import { Placement, employerWorld } from './testing/employer-world';
import { TestCrisisRota } from './testing/test-crisis-rota';

// Oslo is UTC+1 until 29 March: 08:00 local is 07:00 UTC.
describe('the on-call roster and routing by it, with a clock the test moves', () => {
  let app: FeatureTestApp;
  let world: ReturnType<typeof employerWorld>;
  let supervisor: string;
  let placement: Placement;
  let hr: string;
  const teamId = randomUUID();
  const team = `/employer/on-call/teams/${teamId}`;

  const routedAt = async (instant: string, target: Placement = placement, bearer = hr) => {
    app.clock.set(instant);
    const { body } = await world.post('/employer/contact-requests', world.request(target.placementId), bearer).expect(202);
    const { body: view } = await world.get(`/employer/contact-requests/${body.requestId}`, supervisor).expect(200);
    return { tier: view.tier, assigneeId: view.assigneeId };
  };
  const schedule = async (workerId: string, from: string, to: string, role = 'employment-specialist') =>
    (await world.post(`${team}/shifts`, { workerId, role, from, to }, supervisor).expect(201)).body.shiftId as string;

  beforeAll(async () => {
    app = await startFeatureTestApp({
      imports: [EmployerModule.withConfig({ minimumHourlyWage: 200 }, { crisisOnDuty: TestCrisisRota, teams: { useValue: noProgrammeTeams } })],
      now: '2026-02-20T09:00:00.000Z',
    });
    world = employerWorld(app);
    supervisor = await world.staff('sup-siri', 'supervisor');
    await world
      .put(team, { name: 'IPS Trondheim', timeZone: 'Europe/Oslo', employmentSpecialistIds: ['es-ingrid', 'es-per'] }, supervisor)
      .expect(200, { teamId });
    await schedule('es-per', '2026-03-02T08:00', '2026-03-02T16:00');
    await schedule('es-ingrid', '2026-03-02T16:00', '2026-03-03T08:00');
    await schedule('sup-siri', '2026-03-02T16:00', '2026-03-02T23:00', 'supervisor');
    TestCrisisRota.shifts = [{ workerId: 'mw-per', from: '2026-03-03T07:00:00.000Z', to: '2026-03-03T15:00:00.000Z' }];
    placement = await world.placement('es-ingrid');
    hr = await world.employer(placement.employerId);
  });
  afterAll(() => app?.close());
  afterEach(() => {
    TestCrisisRota.unreachable = false;
  });

  describe('routing', () => {
    it('goes to the day specialist in the morning', async () => {
      expect(await routedAt('2026-03-02T09:00:00.000Z')).toEqual({ tier: 'employment-specialist', assigneeId: 'es-per' });
    });

    it('hands over at 16:00 local: the minute before to the day shift, at the handover to the night shift', async () => {
      expect(await routedAt('2026-03-02T14:59:59.000Z')).toEqual({ tier: 'employment-specialist', assigneeId: 'es-per' });
      expect(await routedAt('2026-03-02T15:00:00.000Z')).toEqual({ tier: 'employment-specialist', assigneeId: 'es-ingrid' });
    });

    it("goes to the participant's own specialist at night", async () => {
      expect(await routedAt('2026-03-03T02:00:00.000Z')).toEqual({ tier: 'employment-specialist', assigneeId: 'es-ingrid' });
    });

    it('goes to the municipal crisis service when nobody of the team is on call', async () => {
      expect(await routedAt('2026-03-03T09:00:00.000Z')).toEqual({ tier: 'crisis-service', assigneeId: 'mw-per' });
    });

    it('still takes the request when the crisis rota cannot be reached: to the participant’s own specialist, never to nobody', async () => {
      TestCrisisRota.unreachable = true;
      expect(await routedAt('2026-03-03T09:00:00.000Z')).toEqual({ tier: 'employment-specialist', assigneeId: 'es-ingrid' });
    });

    it('cancel-on-call, define-on-call-team: routing follows a cancelled shift and a redefined team at once (read-your-writes)', async () => {
      const extra = await schedule('es-kari', '2026-03-04T08:00', '2026-03-04T16:00');
      expect(await routedAt('2026-03-04T08:00:00.000Z')).toEqual({ tier: 'employment-specialist', assigneeId: 'es-kari' });
      await world.post(`${team}/shifts/${extra}/cancel`, {}, supervisor).expect(201);
      expect(await routedAt('2026-03-04T08:00:00.000Z')).toEqual({ tier: 'employment-specialist', assigneeId: 'es-ingrid' });

      await schedule('es-kari', '2026-03-05T08:00', '2026-03-05T16:00');
      const elsewhere = await world.placement('es-ola');
      const theirs = await world.employer(elsewhere.employerId);
      expect(await routedAt('2026-03-05T08:00:00.000Z', elsewhere, theirs)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-ola' });
      const members = { name: 'IPS Trondheim', timeZone: 'Europe/Oslo', employmentSpecialistIds: ['es-ingrid', 'es-per', 'es-ola'] };
      await world.put(team, members, supervisor).expect(200);
      expect(await routedAt('2026-03-05T08:00:00.000Z', elsewhere, theirs)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-kari' });
    });
  });

  describe('define-on-call-team, schedule-on-call, cancel-on-call: managing the roster', () => {
    it('shows who is on call and the shifts ahead in UTC and in the team’s local time', async () => {
      const { body } = await world.get(`${team}?at=2026-03-02T21:30:00Z`, supervisor).expect(200);
      expect(body).toMatchObject({
        teamId,
        timeZone: 'Europe/Oslo',
        at: '2026-03-02T21:30:00.000Z',
        atLocal: '2026-03-02T22:30+01:00',
        onCall: { 'employment-specialist': 'es-ingrid', supervisor: 'sup-siri' },
      });
      expect(body.shifts[0]).toMatchObject({
        workerId: 'es-ingrid',
        from: '2026-03-02T15:00:00.000Z',
        fromLocal: '2026-03-02T16:00+01:00',
        toLocal: '2026-03-03T08:00+01:00',
        cancelled: false,
      });
    });

    it('reads local times across the spring change of the clocks', async () => {
      const night = await schedule('es-per', '2026-03-28T16:00', '2026-03-29T08:00');
      const { body } = await world.get(`${team}?at=2026-03-28T00:00:00Z`, supervisor).expect(200);
      expect(body.shifts.find((s: { shiftId: string }) => s.shiftId === night)).toMatchObject({
        from: '2026-03-28T15:00:00.000Z',
        to: '2026-03-29T06:00:00.000Z',
        toLocal: '2026-03-29T08:00+02:00',
      });
    });

    it('refuses overlaps (409), impossible periods and zones (422), malformed input (400), unknown teams (404)', async () => {
      const overlap = await world.post(
        `${team}/shifts`,
        { workerId: 'es-per', role: 'employment-specialist', from: '2026-03-02T15:00', to: '2026-03-02T18:00' },
        supervisor,
      );
      expect([overlap.status, overlap.body.code]).toEqual([409, 'ON_CALL.OVERLAPS']);
      const backwards = await world.post(
        `${team}/shifts`,
        { workerId: 'es-per', role: 'supervisor', from: '2026-03-09T16:00', to: '2026-03-09T08:00' },
        supervisor,
      );
      expect([backwards.status, backwards.body.code]).toEqual([422, 'ON_CALL.INVALID_PERIOD']);
      const zone = await world.put(`/employer/on-call/teams/${randomUUID()}`, { name: 'X', timeZone: 'Oslo', employmentSpecialistIds: [] }, supervisor);
      expect([zone.status, zone.body.code]).toEqual([422, 'ON_CALL.INVALID_TIME_ZONE']);
      const malformed = await world.post(`${team}/shifts`, { workerId: 'es-per', role: 'crisis-service', from: 'tonight', to: '2026-03-09T08:00' }, supervisor);
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'role']);
      const unknown = await world.post(
        `/employer/on-call/teams/${randomUUID()}/shifts`,
        { workerId: 'es-per', role: 'supervisor', from: '2026-03-09T08:00', to: '2026-03-09T16:00' },
        supervisor,
      );
      expect([unknown.status, unknown.body.code]).toEqual([404, 'ON_CALL.TEAM_NOT_FOUND']);
      await world.get(`/employer/on-call/teams/${randomUUID()}`, supervisor).expect(404);
      await world.get(`${team}?at=tomorrow`, supervisor).expect(400);
    });

    it('changes nothing when a team is defined again as it is, or a request carries unknown fields', async () => {
      const before = (await app.store.readAll(0, 100_000)).length;
      const same = { name: 'IPS Trondheim', timeZone: 'Europe/Oslo', employmentSpecialistIds: ['es-ingrid', 'es-per', 'es-ola'] };
      await world.put(team, same, supervisor).expect(200);
      await world.put(team, { ...same, crisisLine: '113' }, supervisor).expect(400);
      const shift = await schedule('es-per', '2026-04-01T08:00', '2026-04-01T16:00');
      await world.post(`${team}/shifts/${shift}/cancel`, { reason: 'ill' }, supervisor).expect(400);
      await world.post(`${team}/shifts/${shift}/cancel`, {}, supervisor).expect(201);
      const twice = await world.post(`${team}/shifts/${shift}/cancel`, {}, supervisor).expect(409);
      expect(twice.body.code).toBe('ON_CALL.SHIFT_ALREADY_CANCELLED');
      expect((await app.store.readAll(0, 100_000)).length).toBe(before + 2);
    });

    it('is for the IPS staff: employers and the municipality may not touch it (403)', async () => {
      await world.get(team, hr).expect(403);
      await world.post(`${team}/shifts`, { workerId: 'x', role: 'supervisor', from: '2026-04-02T08:00', to: '2026-04-02T16:00' }, hr).expect(403);
      const municipality = await world.token({ sub: 'mw-per', agency: 'municipality', role: 'municipal-worker' });
      await world.put(team, { name: 'X', timeZone: 'UTC', employmentSpecialistIds: [] }, municipality).expect(403);
    });
  });
});
