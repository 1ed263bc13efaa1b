import { EVENT_STORE, EventStore } from '@ips/event-store';
import { contactLineWorld } from './testing/contact-line-world';
import { PlatformHarness, TestClock } from './testing/platform-harness';

// The team works in Oslo (UTC+1 in March). Urgent requests: 15 minutes to acknowledge (the default).
describe('the employer 24/7 contact line in the embedded platform, with a clock the test moves', () => {
  let harness: PlatformHarness;
  let world: Awaited<ReturnType<typeof contactLineWorld>>;

  const statuses = (body: { history: { status: string }[] }) => body.history.map((change) => change.status);

  beforeAll(async () => {
    harness = await PlatformHarness.start(new TestClock(new Date('2026-03-01T09:00:00.000Z')));
    world = await contactLineWorld(harness);
  });
  afterEach(() => world.resolveOpen());
  afterAll(() => harness?.stop());

  it('routes by the roster at different hours and across the 16:00 handover', async () => {
    const routed = async (instant: string) => {
      const { tier, assigneeId } = await world.view(await world.submitAt(instant));
      return `${tier}:${assigneeId}`;
    };
    expect(await routed('2026-03-02T09:00:00.000Z')).toBe('employment-specialist:es-per');
    expect(await routed('2026-03-02T14:59:59.000Z')).toBe('employment-specialist:es-per');
    expect(await routed('2026-03-02T15:00:00.000Z')).toBe('employment-specialist:es-ingrid');
    expect(await routed('2026-03-02T23:30:00.000Z')).toBe('supervisor:sup-siri');
  });

  it('stops escalating once the specialist acknowledges', async () => {
    const requestId = await world.submitAt('2026-03-02T20:00:00.000Z');
    harness.clock.set('2026-03-02T20:05:00.000Z');
    await world.post(`/employer/contact-requests/${requestId}/acknowledge`, {}, 'specialist').expect(201);
    await world.tickAt('2026-03-02T20:20:00.000Z');
    await world.tickAt('2026-03-02T21:00:00.000Z');
    expect(statuses(await world.view(requestId))).toEqual(['received', 'acknowledged']);
  });

  it('escalates twice on time without an acknowledgement: the supervisor, then the municipal crisis service on duty', async () => {
    const requestId = await world.submitAt('2026-03-02T20:00:00.000Z');
    await world.tickAt('2026-03-02T20:14:59.999Z');
    expect((await world.view(requestId)).status).toBe('received');
    await world.tickAt('2026-03-02T20:15:00.000Z');
    expect(await world.view(requestId)).toMatchObject({ status: 'escalated', tier: 'supervisor', assigneeId: 'sup-siri' });
    await world.tickAt('2026-03-02T20:29:59.999Z');
    expect((await world.view(requestId)).escalations).toBe(1);
    await world.tickAt('2026-03-02T20:30:00.000Z');
    expect(await world.view(requestId)).toMatchObject({ status: 'escalated', tier: 'crisis-service', assigneeId: 'mw-per', escalations: 2 });
    expect((await world.view(requestId)).history.map((change: { at: string }) => change.at.slice(11, 23))).toEqual([
      '20:00:00.000',
      '20:15:00.000',
      '20:30:00.000',
    ]);
    const crisisSees = (await world.get(`/employer/contact-requests/${requestId}`, 'municipality').expect(200)).body;
    expect(crisisSees.callbackPhone).toBe('+4791234567');
  });

  it('escalates on time across restarts of the platform: the deadlines are stored, not timers', async () => {
    const requestId = await world.submitAt('2026-03-02T21:00:00.000Z');
    await harness.restart();
    await world.tickAt('2026-03-02T21:15:00.000Z');
    expect((await world.view(requestId)).tier).toBe('supervisor');
    await harness.restart();
    await world.tickAt('2026-03-02T21:29:00.000Z');
    expect((await world.view(requestId)).tier).toBe('supervisor');
    await world.tickAt('2026-03-02T21:30:00.000Z');
    const escalated = await world.view(requestId);
    expect(escalated.history.map((change: { status: string; at: string }) => `${change.status}@${change.at.slice(11, 16)}`)).toEqual([
      'received@21:00',
      'escalated@21:15',
      'escalated@21:30',
    ]);
    const { events } = await harness.platform.app.get<EventStore>(EVENT_STORE).readStream(`employer.contact-request-${requestId}`);
    expect(events.filter((event) => event.type === 'ContactRequestEscalated')).toHaveLength(2);
  });

  it('tells the on-call people through the log and the staff stream, and shows the team how each delivery went', async () => {
    const requestId = await world.submitAt('2026-03-02T20:00:00.000Z');
    await world.tickAt('2026-03-02T20:15:00.000Z');
    await world.deliver();
    const { deliveries } = await world.view(requestId);
    expect(deliveries.map((d: { channel: string; event: string; status: string }) => `${d.channel}:${d.event}:${d.status}`).sort()).toEqual([
      'log:contact-request.escalated:delivered',
      'log:contact-request.received:delivered',
      'sse:contact-request.escalated:delivered',
      'sse:contact-request.received:delivered',
    ]);
    expect((await world.get(`/employer/contact-requests/${requestId}`, 'hr').expect(200)).body).not.toHaveProperty('deliveries');
  });

  it("never shows an employer another employer's requests (404) or lets it call about another's placement (403)", async () => {
    const requestId = await world.submitAt('2026-03-02T22:00:00.000Z');
    const other = await world.get(`/employer/contact-requests/${requestId}`, 'otherEmployer').expect(404);
    expect(other.body.code).toBe('CONTACT_REQUEST.NOT_FOUND');
    expect((await world.get('/employer/contact-requests', 'otherEmployer').expect(200)).body.requests).toEqual([]);
    const refused = await world.post(
      '/employer/contact-requests',
      { placementId: world.placementId, message: 'x', urgency: 'routine', callbackPhone: '+4791234567' },
      'otherEmployer',
    );
    expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const own = await world.get(`/employer/contact-requests/${requestId}`, 'hr').expect(200);
    expect(own.body).not.toHaveProperty('participantId');
  });

  it('refuses bad input with problem+json and stores nothing', async () => {
    await harness.platform.settled();
    const before = (await harness.platform.app.get<EventStore>(EVENT_STORE).readAll(0, 100_000)).length;
    const refused = await world
      .post(
        '/employer/contact-requests',
        { placementId: world.placementId, message: 'x', urgency: 'now', callbackPhone: '+4791234567', diagnosis: 'F20' },
        'hr',
      )
      .expect(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['diagnosis', 'urgency']);
    expect((await harness.platform.app.get<EventStore>(EVENT_STORE).readAll(0, 100_000)).length).toBe(before);
  });
});
