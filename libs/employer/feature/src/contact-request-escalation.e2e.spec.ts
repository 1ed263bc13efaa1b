import { randomUUID } from 'node:crypto';
import { FeatureTestApp, startFeatureTestApp } from '@ips/command-pipeline/testing';
import { ContactRequestEscalations, EmployerModule } from './index';
import { Placement, employerWorld } from './testing/employer-world';
import { TestCrisisRota } from './testing/test-crisis-rota';
import { noProgrammeTeams } from './contact-line/programme-teams.port';

// Configured windows: urgent 10 minutes, routine 30.
describe('escalate-contact-request: escalation of contact requests nobody acknowledges, with a clock the test moves', () => {
  let app: FeatureTestApp;
  let world: ReturnType<typeof employerWorld>;
  let escalations: ContactRequestEscalations;
  let specialist: string;
  let placement: Placement;
  let hr: string;

  const at = (hhmmss: string) => `2026-03-02T${hhmmss}.000Z`;
  const submitAt = async (time: string, urgency = 'urgent'): Promise<string> => {
    app.clock.set(at(time));
    const { body } = await world.post('/employer/contact-requests', world.request(placement.placementId, { urgency }), hr).expect(202);
    return body.requestId as string;
  };
  const tickAt = (time: string) => {
    app.clock.set(at(time));
    return escalations.tick();
  };
  const view = async (requestId: string) => (await world.get(`/employer/contact-requests/${requestId}`, specialist).expect(200)).body;

  beforeAll(async () => {
    // Polling hourly: only the test's ticks (and the start-up pass) escalate, so counts are exact.
    const contactLine = { acknowledgeWithin: { urgent: 10, routine: 30 }, pollIntervalMs: 3_600_000 };
    app = await startFeatureTestApp({
      imports: [EmployerModule.withConfig({ minimumHourlyWage: 200, contactLine }, { crisisOnDuty: TestCrisisRota, teams: { useValue: noProgrammeTeams } })],
      now: at('08:00:00'),
    });
    world = employerWorld(app);
    escalations = app.nest.get(ContactRequestEscalations);
    const supervisor = await world.staff('sup-siri', 'supervisor');
    specialist = await world.staff('es-ingrid');
    const team = `/employer/on-call/teams/${randomUUID()}`;
    await world.put(team, { name: 'IPS Trondheim', timeZone: 'Europe/Oslo', employmentSpecialistIds: ['es-ingrid'] }, supervisor).expect(200);
    await world
      .post(`${team}/shifts`, { workerId: 'es-ingrid', role: 'employment-specialist', from: '2026-03-02T16:00', to: '2026-03-03T08:00' }, supervisor)
      .expect(201);
    await world.post(`${team}/shifts`, { workerId: 'sup-siri', role: 'supervisor', from: '2026-03-02T16:00', to: '2026-03-03T08:00' }, supervisor).expect(201);
    TestCrisisRota.shifts = [{ workerId: 'mw-per', from: at('00:00:00'), to: '2026-03-03T00:00:00.000Z' }];
    placement = await world.placement('es-ingrid');
    hr = await world.employer(placement.employerId);
  });
  afterAll(() => app?.close());

  it('escalates twice on time without an acknowledgement: supervisor, then crisis service, then no further', async () => {
    const requestId = await submitAt('21:00:00');
    expect(await view(requestId)).toMatchObject({ status: 'received', assigneeId: 'es-ingrid', acknowledgeBy: at('21:10:00') });

    expect(await tickAt('21:09:59')).toBe(0);
    expect(await tickAt('21:10:00')).toBe(1);
    expect(await view(requestId)).toMatchObject({ status: 'escalated', tier: 'supervisor', assigneeId: 'sup-siri', acknowledgeBy: at('21:20:00') });

    expect(await tickAt('21:19:59')).toBe(0);
    expect(await tickAt('21:20:00')).toBe(1);
    expect(await view(requestId)).toMatchObject({ status: 'escalated', tier: 'crisis-service', assigneeId: 'mw-per', escalations: 2 });

    expect(await tickAt('23:00:00')).toBe(0);
    const { events } = await app.store.readStream(`employer.contact-request-${requestId}`);
    expect(events.map((event) => [event.type, event.data['level'] ?? null])).toEqual([
      ['ContactRequestReceived', null],
      ['ContactRequestEscalated', 1],
      ['ContactRequestEscalated', 2],
    ]);
    const employerSees = (await world.get(`/employer/contact-requests/${requestId}`, hr).expect(200)).body;
    expect(employerSees.history.map((h: { status: string }) => h.status)).toEqual(['received', 'escalated', 'escalated']);
  });

  it('never escalates to nobody: with nobody on duty above it stays with its holder, telling the team again each time, until someone is', async () => {
    // 09:00 UTC is 10:00 in Oslo: the team's shifts are evening and night; the crisis service is away until 09:20.
    TestCrisisRota.shifts = [{ workerId: 'mw-per', from: at('09:20:00'), to: '2026-03-03T00:00:00.000Z' }];
    try {
      const requestId = await submitAt('09:00:00');
      expect(await view(requestId)).toMatchObject({ tier: 'employment-specialist', assigneeId: 'es-ingrid', specialistId: 'es-ingrid' });
      expect(await tickAt('09:10:00')).toBe(1);
      expect(await view(requestId)).toMatchObject({
        status: 'escalated',
        escalations: 1,
        tier: 'employment-specialist',
        assigneeId: 'es-ingrid',
        answerBy: at('09:10:00'),
        acknowledgeBy: at('09:20:00'),
        overdue: true,
      });
      // The crisis service is on duty at the second deadline: the request goes there, as the third escalation.
      expect(await tickAt('09:20:00')).toBe(1);
      expect(await view(requestId)).toMatchObject({ escalations: 2, tier: 'crisis-service', assigneeId: 'mw-per', answerBy: at('09:10:00'), overdue: true });
      const { events } = await app.store.readStream(`employer.contact-request-${requestId}`);
      expect(events.map((event) => [event.type, event.data['tier'] ?? null, event.data['level'] ?? null])).toEqual([
        ['ContactRequestReceived', 'employment-specialist', null],
        ['ContactRequestEscalated', 'employment-specialist', 1],
        ['ContactRequestEscalated', 'crisis-service', 2],
      ]);
      await world.post(`/employer/contact-requests/${requestId}/resolve`, { note: 'test over' }, specialist).expect(201);
    } finally {
      TestCrisisRota.shifts = [{ workerId: 'mw-per', from: at('00:00:00'), to: '2026-03-03T00:00:00.000Z' }];
    }
  });

  it('escalates beyond the second level when nobody was on duty above more than once (the shared event takes any level)', async () => {
    TestCrisisRota.shifts = [];
    try {
      const requestId = await submitAt('09:00:00');
      for (const time of ['09:10:00', '09:20:00', '09:30:00']) expect(await tickAt(time)).toBe(1);
      expect(await view(requestId)).toMatchObject({ escalations: 3, tier: 'employment-specialist', assigneeId: 'es-ingrid', overdue: true });
      const outbox = await app.store.readOutbox(0, 100_000);
      const escalated = outbox
        .filter((message) => message.payload['type'] === 'ContactRequestEscalated')
        .map((message) => message.payload['data'] as Record<string, unknown>)
        .filter((data) => data['requestId'] === requestId);
      expect(escalated.map((data) => data['level'])).toEqual([1, 2, 3]);
      await world.post(`/employer/contact-requests/${requestId}/resolve`, { note: 'test over' }, specialist).expect(201);
    } finally {
      TestCrisisRota.shifts = [{ workerId: 'mw-per', from: at('00:00:00'), to: '2026-03-03T00:00:00.000Z' }];
    }
  });

  it('stops escalating once acknowledged', async () => {
    const requestId = await submitAt('21:00:00');
    app.clock.set(at('21:04:00'));
    await world.post(`/employer/contact-requests/${requestId}/acknowledge`, {}, specialist).expect(201);
    expect(await tickAt('21:30:00')).toBe(0);
    expect((await view(requestId)).status).toBe('acknowledged');
  });

  it('stops the second escalation when the supervisor acknowledges, and a resolution stops it too', async () => {
    const taken = await submitAt('21:00:00');
    const resolved = await submitAt('21:00:00', 'routine');
    expect(await tickAt('21:10:00')).toBe(1);
    await world.post(`/employer/contact-requests/${taken}/acknowledge`, {}, await world.staff('sup-siri', 'supervisor')).expect(201);
    await world.post(`/employer/contact-requests/${resolved}/resolve`, { note: 'Called back at once' }, specialist).expect(201);
    expect(await tickAt('22:00:00')).toBe(0);
    expect((await view(taken)).history.map((h: { status: string }) => h.status)).toEqual(['received', 'escalated', 'acknowledged']);
    expect((await view(resolved)).status).toBe('resolved');
  });

  it('gives routine requests the routine window', async () => {
    const requestId = await submitAt('21:00:00', 'routine');
    expect(await tickAt('21:29:59')).toBe(0);
    expect(await tickAt('21:30:00')).toBe(1);
    expect((await view(requestId)).tier).toBe('supervisor');
  });

  it('fires a deadline once, however many workers see it at the same time', async () => {
    const requestId = await submitAt('21:00:00');
    app.clock.set(at('21:10:00'));
    const counts = await Promise.all([escalations.tick(), escalations.tick(), escalations.tick()]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);
    const { events } = await app.store.readStream(`employer.contact-request-${requestId}`);
    expect(events.filter((event) => event.type === 'ContactRequestEscalated')).toHaveLength(1);
  });

  it('lets the crisis service see and take a request only once it reached them', async () => {
    const requestId = await submitAt('21:00:00');
    const crisis = await world.token({ sub: 'mw-per', agency: 'municipality', role: 'municipal-worker' });
    const route = `/employer/contact-requests/${requestId}`;
    await tickAt('21:10:00');
    await world.get(route, crisis).expect(404);
    await tickAt('21:20:00');
    expect((await world.get(route, crisis).expect(200)).body).toMatchObject({ tier: 'crisis-service', message: expect.any(String) });
    await world.post(`${route}/acknowledge`, {}, crisis).expect(201);
    const listed = (await world.get('/employer/contact-requests', crisis).expect(200)).body.requests;
    expect(listed.map((r: { requestId: string }) => r.requestId)).toContain(requestId);
  });
});
