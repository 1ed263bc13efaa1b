import { randomUUID } from 'node:crypto';
import { ContactRequestEscalations, NotificationDeliveries } from '@ips/employer/feature';
import { EVENT_STORE, EventStore } from '@ips/event-store';
import { PlatformHarness, TestClock } from './testing/platform-harness';

// The team works in Oslo (UTC+1 in March). Urgent requests: 15 minutes to acknowledge (the default).
describe('the employer 24/7 contact line in the embedded platform, with a clock the test moves', () => {
  let harness: PlatformHarness;
  const tokens: Record<string, string> = {};
  let participantId: string;
  let employerId: string;
  let placementId: string;

  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const post = (route: string, body: object, who: string) => harness.http.post(route).set(auth(who)).send(body);
  const get = (route: string, who: string) => harness.http.get(route).set(auth(who));
  /** The worker also polls by itself; a tick makes it look now. Assertions read the request, whoever escalated it. */
  const tickAt = async (instant: string): Promise<void> => {
    harness.clock.set(instant);
    await harness.platform.app.get(ContactRequestEscalations).tick();
  };
  const submitAt = async (instant: string, who = 'hr'): Promise<string> => {
    harness.clock.set(instant);
    const body = { placementId, message: 'Ola collapsed at work and was taken home.', urgency: 'urgent', callbackPhone: '+4791234567' };
    return (await post('/employer/contact-requests', body, who).expect(202)).body.requestId as string;
  };
  const view = async (requestId: string) => (await get(`/employer/contact-requests/${requestId}`, 'supervisor').expect(200)).body;
  const statuses = (body: { history: { status: string }[] }) => body.history.map((change) => change.status);

  beforeAll(async () => {
    harness = await PlatformHarness.start(new TestClock(new Date('2026-03-01T09:00:00.000Z')));
    const claims = {
      caseworker: { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' },
      specialist: { sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' },
      supervisor: { sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' },
      municipality: { sub: 'mw-lise', agency: 'municipality', role: 'municipal-worker' },
    } as const;
    for (const [who, claim] of Object.entries(claims)) tokens[who] = await harness.token(claim);

    const referral = { givenName: 'Ola', familyName: 'Nordmann', birthDate: '1990-05-01', referredBy: 'self' };
    participantId = (await post('/welfare-office/referrals', referral, 'caseworker').expect(201)).body.participantId;
    await post(`/welfare-office/participants/${participantId}/enrolment`, { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' }, 'caseworker').expect(201);
    await harness.platform.settled(); // the employer service notes the enrolment from the bus
    employerId = (await post('/employer/employers', { name: 'Nidar AS', organisationNumber: '912345678' }, 'specialist').expect(201)).body.employerId;
    const job = { participantId, employerId, jobTitle: 'Packer', startDate: '2026-03-02', hoursPerWeek: 20, hourlyWage: 230 };
    placementId = (await post('/employer/placements', job, 'specialist').expect(201)).body.placementId;
    tokens['hr'] = await harness.token({ sub: 'hr-kari', agency: 'employer', role: 'employer', employerId });
    tokens['otherEmployer'] = await harness.token({ sub: 'hr-nils', agency: 'employer', role: 'employer', employerId: randomUUID() });

    const team = `/employer/on-call/teams/${randomUUID()}`;
    await harness.http.put(team).set(auth('supervisor')).send({ name: 'IPS Trondheim', timeZone: 'Europe/Oslo', employmentSpecialistIds: ['es-ingrid'] }).expect(200);
    const shift = (workerId: string, role: string, from: string, to: string) => post(`${team}/shifts`, { workerId, role, from, to }, 'supervisor').expect(201);
    await shift('es-per', 'employment-specialist', '2026-03-02T08:00', '2026-03-02T16:00');
    await shift('es-ingrid', 'employment-specialist', '2026-03-02T16:00', '2026-03-02T23:00');
    await shift('sup-siri', 'supervisor', '2026-03-02T16:00', '2026-03-03T08:00');
    const crisisDuty = { workerId: 'mw-per', name: 'Per Lund', phone: '+4798765432', from: '2026-03-02T16:00:00+01:00', to: '2026-03-03T08:00:00+01:00' };
    await post('/municipality/crisis-duty', crisisDuty, 'municipality').expect(201);
  });
  afterEach(async () => {
    // Requests a test left open would escalate in the next one, which moves the clock again.
    const open = (await get('/employer/contact-requests?status=open&limit=200', 'supervisor').expect(200)).body.requests;
    for (const { requestId } of open) await post(`/employer/contact-requests/${requestId}/resolve`, { note: 'test over' }, 'supervisor').expect(201);
  });
  afterAll(() => harness?.stop());

  it('routes by the roster at different hours and across the 16:00 handover', async () => {
    const routed = async (instant: string) => {
      const { tier, assigneeId } = await view(await submitAt(instant));
      return `${tier}:${assigneeId}`;
    };
    expect(await routed('2026-03-02T09:00:00.000Z')).toBe('employment-specialist:es-per');
    expect(await routed('2026-03-02T14:59:59.000Z')).toBe('employment-specialist:es-per');
    expect(await routed('2026-03-02T15:00:00.000Z')).toBe('employment-specialist:es-ingrid');
    expect(await routed('2026-03-02T23:30:00.000Z')).toBe('supervisor:sup-siri');
  });

  it('stops escalating once the specialist acknowledges', async () => {
    const requestId = await submitAt('2026-03-02T20:00:00.000Z');
    harness.clock.set('2026-03-02T20:05:00.000Z');
    await post(`/employer/contact-requests/${requestId}/acknowledge`, {}, 'specialist').expect(201);
    await tickAt('2026-03-02T20:20:00.000Z');
    await tickAt('2026-03-02T21:00:00.000Z');
    expect(statuses(await view(requestId))).toEqual(['received', 'acknowledged']);
  });

  it('escalates twice on time without an acknowledgement: the supervisor, then the municipal crisis service on duty', async () => {
    const requestId = await submitAt('2026-03-02T20:00:00.000Z');
    await tickAt('2026-03-02T20:14:59.999Z');
    expect((await view(requestId)).status).toBe('received');
    await tickAt('2026-03-02T20:15:00.000Z');
    expect(await view(requestId)).toMatchObject({ status: 'escalated', tier: 'supervisor', assigneeId: 'sup-siri' });
    await tickAt('2026-03-02T20:29:59.999Z');
    expect((await view(requestId)).escalations).toBe(1);
    await tickAt('2026-03-02T20:30:00.000Z');
    expect(await view(requestId)).toMatchObject({ status: 'escalated', tier: 'crisis-service', assigneeId: 'mw-per', escalations: 2 });
    expect((await view(requestId)).history.map((change: { at: string }) => change.at.slice(11, 23))).toEqual([
      '20:00:00.000',
      '20:15:00.000',
      '20:30:00.000',
    ]);
    const crisisSees = (await get(`/employer/contact-requests/${requestId}`, 'municipality').expect(200)).body;
    expect(crisisSees.callbackPhone).toBe('+4791234567');
  });

  it('escalates on time across restarts of the platform: the deadlines are stored, not timers', async () => {
    const requestId = await submitAt('2026-03-02T21:00:00.000Z');
    await harness.restart();
    await tickAt('2026-03-02T21:15:00.000Z');
    expect((await view(requestId)).tier).toBe('supervisor');
    await harness.restart();
    await tickAt('2026-03-02T21:29:00.000Z');
    expect((await view(requestId)).tier).toBe('supervisor');
    await tickAt('2026-03-02T21:30:00.000Z');
    const escalated = await view(requestId);
    expect(escalated.history.map((change: { status: string; at: string }) => `${change.status}@${change.at.slice(11, 16)}`)).toEqual([
      'received@21:00',
      'escalated@21:15',
      'escalated@21:30',
    ]);
    const { events } = await harness.platform.app.get<EventStore>(EVENT_STORE).readStream(`employer.contact-request-${requestId}`);
    expect(events.filter((event) => event.type === 'ContactRequestEscalated')).toHaveLength(2);
  });

  it('tells the on-call people through the log and the staff stream, and shows the team how each delivery went', async () => {
    const requestId = await submitAt('2026-03-02T20:00:00.000Z');
    await tickAt('2026-03-02T20:15:00.000Z');
    await harness.platform.app.get(NotificationDeliveries).tick();
    const { deliveries } = await view(requestId);
    expect(deliveries.map((d: { channel: string; event: string; status: string }) => `${d.channel}:${d.event}:${d.status}`).sort()).toEqual([
      'log:contact-request.escalated:delivered',
      'log:contact-request.received:delivered',
      'sse:contact-request.escalated:delivered',
      'sse:contact-request.received:delivered',
    ]);
    expect((await get(`/employer/contact-requests/${requestId}`, 'hr').expect(200)).body).not.toHaveProperty('deliveries');
  });

  it("never shows an employer another employer's requests (404) or lets it call about another's placement (403)", async () => {
    const requestId = await submitAt('2026-03-02T22:00:00.000Z');
    const other = await get(`/employer/contact-requests/${requestId}`, 'otherEmployer').expect(404);
    expect(other.body.code).toBe('CONTACT_REQUEST.NOT_FOUND');
    expect((await get('/employer/contact-requests', 'otherEmployer').expect(200)).body.requests).toEqual([]);
    const refused = await post('/employer/contact-requests', { placementId, message: 'x', urgency: 'routine', callbackPhone: '+4791234567' }, 'otherEmployer');
    expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const own = await get(`/employer/contact-requests/${requestId}`, 'hr').expect(200);
    expect(own.body).not.toHaveProperty('participantId');
  });

  it('refuses bad input with problem+json and stores nothing', async () => {
    await harness.platform.settled();
    const before = (await harness.platform.app.get<EventStore>(EVENT_STORE).readAll(0, 100_000)).length;
    const refused = await post('/employer/contact-requests', { placementId, message: 'x', urgency: 'now', callbackPhone: '+4791234567', diagnosis: 'F20' }, 'hr').expect(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['diagnosis', 'urgency']);
    expect((await harness.platform.app.get<EventStore>(EVENT_STORE).readAll(0, 100_000)).length).toBe(before);
  });
});
