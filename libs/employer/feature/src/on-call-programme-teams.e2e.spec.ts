import { randomUUID } from 'node:crypto';
import { FeatureTestApp, startFeatureTestApp } from '@ips/command-pipeline/testing';
import { EmployerModule } from './index';
import { InMemoryProgrammeTeams } from './testing/in-memory-programme-teams';
import { Placement, employerWorld } from './testing/employer-world';
import { TestCrisisRota } from './testing/test-crisis-rota';

/**
 * The 24/7 line's on-call teams are the programme's teams (decision 27, issue 21): shifts go on a programme team, in its
 * zone, by its members; a request is routed to the on-call of the participant's current team; on-call teams defined
 * here before teams keep routing for participants whose team has nobody on call (the upgrade path).
 */
// Oslo is UTC+1 until 29 March: 08:00 local is 07:00 UTC.
describe("on-call teams are the programme's teams", () => {
  const teams = new InMemoryProgrammeTeams();
  let app: FeatureTestApp;
  let world: ReturnType<typeof employerWorld>;
  let supervisor: string;
  const teamA = randomUUID();
  const teamB = randomUUID();
  const legacyTeam = randomUUID();
  const onCall = (teamId: string) => `/employer/on-call/teams/${teamId}`;
  const shift = (workerId: string, from: string, to: string, role = 'employment-specialist') => ({ workerId, role, from, to });

  const routedAt = async (instant: string, target: Placement) => {
    app.clock.set(instant);
    const hr = await world.employer(target.employerId);
    const { body } = await world.post('/employer/contact-requests', world.request(target.placementId), hr).expect(202);
    const { body: view } = await world.get(`/employer/contact-requests/${body.requestId}`, supervisor).expect(200);
    return { tier: view.tier, assigneeId: view.assigneeId };
  };

  beforeAll(async () => {
    app = await startFeatureTestApp({
      imports: [EmployerModule.withConfig({ minimumHourlyWage: 200 }, { crisisOnDuty: TestCrisisRota, teams: { useValue: teams } })],
      now: '2026-02-20T09:00:00.000Z',
    });
    world = employerWorld(app);
    supervisor = await world.staff('sup-siri', 'supervisor');
    // Before teams: an on-call team of this service's own, covering es-old's participants, with a night shift.
    await world.put(onCall(legacyTeam), { name: 'IPS before teams', timeZone: 'Europe/Oslo', employmentSpecialistIds: ['es-old'] }, supervisor).expect(200);
    await world.post(`${onCall(legacyTeam)}/shifts`, shift('es-old', '2026-03-02T16:00', '2026-03-03T08:00'), supervisor).expect(201);
    // Then the programme defines its teams.
    teams
      .define(teamA, { name: 'IPS Heimdal' })
      .addMember(teamA, 'es-a', 'employment-specialist')
      .addMember(teamA, 'sup-a', 'supervisor')
      .define(teamB, { name: 'IPS Sentrum', timeZone: 'America/New_York' })
      .addMember(teamB, 'es-b', 'employment-specialist');
    TestCrisisRota.shifts = [];
  });
  afterAll(() => app?.close());

  it("routes a request to the on-call of the participant's current team: A's participant to A's, B's to B's", async () => {
    // The same evening in both teams' local times: A's 16:00–24:00 in Oslo, B's 10:00–17:00 in New York (15:00–22:00 UTC).
    await world.post(`${onCall(teamA)}/shifts`, shift('es-a', '2026-03-02T16:00', '2026-03-03T00:00'), supervisor).expect(201);
    await world.post(`${onCall(teamB)}/shifts`, shift('es-b', '2026-03-02T10:00', '2026-03-02T17:00'), supervisor).expect(201);
    // Both participants' specialist is someone else (es-x), on call on neither team.
    const ofA = await world.placement('es-x');
    const ofB = await world.placement('es-x');
    teams.place(ofA.participantId, teamA).place(ofB.participantId, teamB);

    expect(await routedAt('2026-03-02T20:00:00.000Z', ofA)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-a' });
    expect(await routedAt('2026-03-02T20:00:00.000Z', ofB)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-b' });
    // After B's shift (22:30 UTC is 17:30 in New York): A's participant still reaches A; B's has nobody on call anywhere,
    // so the request goes to the participant's own specialist, never to nobody.
    expect(await routedAt('2026-03-02T22:30:00.000Z', ofA)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-a' });
    expect(await routedAt('2026-03-02T22:30:00.000Z', ofB)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-x' });
  });

  it('tells the employer who of the team took its request by the name the programme gives them, else by role', async () => {
    teams.name('welfare-office', 'sup-a', 'Siri Aas');
    const target = await world.placement('es-x');
    teams.place(target.participantId, teamA);
    app.clock.set('2026-03-02T20:00:00.000Z');
    const hr = await world.employer(target.employerId);
    const taken = async (sub: string, role: 'supervisor' | 'employment-specialist') => {
      const { body } = await world.post('/employer/contact-requests', world.request(target.placementId), hr).expect(202);
      const route = `/employer/contact-requests/${body.requestId}`;
      await world.post(`${route}/acknowledge`, {}, await world.staff(sub, role)).expect(201);
      return (await world.get(route, hr).expect(200)).body;
    };
    expect((await taken('sup-a', 'supervisor')).takenBy).toEqual({ name: 'Siri Aas', role: 'supervisor', at: '2026-03-02T20:00:00.000Z' });
    expect((await taken('es-a', 'employment-specialist')).takenBy).toEqual({ name: null, role: 'employment-specialist', at: '2026-03-02T20:00:00.000Z' });
  });

  it("reads shift times in the programme team's zone and shows the team as the programme has it", async () => {
    app.clock.set('2026-03-02T12:00:00.000Z');
    const { body } = await world.get(`${onCall(teamB)}?at=2026-03-02T16:00:00Z`, supervisor).expect(200);
    expect(body).toMatchObject({ teamId: teamB, name: 'IPS Sentrum', timeZone: 'America/New_York', programmeTeam: true, employmentSpecialistIds: [] });
    expect(body.onCall).toEqual({ 'employment-specialist': 'es-b', supervisor: null });
    expect(body.shifts).toEqual([
      expect.objectContaining({ workerId: 'es-b', from: '2026-03-02T15:00:00.000Z', fromLocal: '2026-03-02T10:00-05:00', toLocal: '2026-03-02T17:00-05:00' }),
    ]);
    // A programme team without any shift is still a team: nobody on call.
    const empty = randomUUID();
    teams.define(empty, { name: 'IPS Lade' });
    expect((await world.get(onCall(empty), supervisor).expect(200)).body).toMatchObject({
      name: 'IPS Lade',
      shifts: [],
      onCall: { 'employment-specialist': null },
    });
  });

  it('puts on call only a member of the team, in the role of the shift, for the whole shift (422 TEAM.NOT_A_MEMBER naming workerId)', async () => {
    const refused = [
      shift('es-b', '2026-03-05T08:00', '2026-03-05T16:00'),
      shift('es-a', '2026-03-05T08:00', '2026-03-05T16:00', 'supervisor'),
      shift('sup-a', '2026-03-05T08:00', '2026-03-05T16:00'),
      shift('es-nobody', '2026-03-05T08:00', '2026-03-05T16:00'),
    ];
    for (const body of refused) {
      const answer = await world.post(`${onCall(teamA)}/shifts`, body, supervisor).expect(422);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 422, code: 'TEAM.NOT_A_MEMBER', detail: expect.stringMatching(new RegExp(`^workerId: ${body.workerId} `)) });
    }
    const leaving = randomUUID();
    teams.define(leaving).addMember(leaving, 'es-leaving', 'employment-specialist', '2026-01-01', '2026-03-06');
    await world.post(`${onCall(leaving)}/shifts`, shift('es-leaving', '2026-03-05T16:00', '2026-03-06T08:00'), supervisor).expect(422);
    await world.post(`${onCall(leaving)}/shifts`, shift('es-leaving', '2026-03-05T08:00', '2026-03-06T00:00'), supervisor).expect(201);
    await world.post(`${onCall(teamA)}/shifts`, shift('sup-a', '2026-03-05T08:00', '2026-03-05T16:00', 'supervisor'), supervisor).expect(201);
  });

  it('keeps on-call teams from before teams routing (the upgrade path), takes no new ones or shifts on them, and lets their shifts be cancelled', async () => {
    // es-old's participant is on team A, whose on-call has nobody on the night of the 3rd: the team from before takes it.
    const ofOld = await world.placement('es-old');
    teams.place(ofOld.participantId, teamA);
    expect(await routedAt('2026-03-03T02:00:00.000Z', ofOld)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-old' });
    // While A has someone on call, A's on-call takes it.
    expect(await routedAt('2026-03-02T20:00:00.000Z', ofOld)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-a' });

    const redefine = await world
      .put(onCall(legacyTeam), { name: 'IPS before teams', timeZone: 'Europe/Oslo', employmentSpecialistIds: ['es-old', 'es-new'] }, supervisor)
      .expect(409);
    expect(redefine.body).toMatchObject({ code: 'ON_CALL.USE_PROGRAMME_TEAMS', detail: expect.stringContaining('/programme/teams') });
    await world.put(onCall(randomUUID()), { name: 'New', timeZone: 'UTC', employmentSpecialistIds: [] }, supervisor).expect(409);
    const newShift = await world.post(`${onCall(legacyTeam)}/shifts`, shift('es-old', '2026-03-04T16:00', '2026-03-05T08:00'), supervisor).expect(409);
    expect(newShift.body.code).toBe('ON_CALL.USE_PROGRAMME_TEAMS');

    const { body: legacy } = await world.get(`${onCall(legacyTeam)}?at=2026-03-02T12:00:00Z`, supervisor).expect(200);
    expect(legacy).toMatchObject({ programmeTeam: false, employmentSpecialistIds: ['es-old'] });
    const [night] = legacy.shifts as { shiftId: string }[];
    await world.post(`${onCall(legacyTeam)}/shifts/${night?.shiftId}/cancel`, {}, supervisor).expect(201);
    expect(await routedAt('2026-03-03T02:00:00.000Z', ofOld)).toEqual({ tier: 'employment-specialist', assigneeId: 'es-old' });
  });

  it('an id that is neither a programme team nor an on-call team is 404 ON_CALL.TEAM_NOT_FOUND', async () => {
    const unknown = randomUUID();
    expect((await world.post(`${onCall(unknown)}/shifts`, shift('es-a', '2026-03-05T08:00', '2026-03-05T16:00'), supervisor).expect(404)).body.code).toBe(
      'ON_CALL.TEAM_NOT_FOUND',
    );
    expect((await world.get(onCall(unknown), supervisor).expect(404)).body.code).toBe('ON_CALL.TEAM_NOT_FOUND');
  });
});
