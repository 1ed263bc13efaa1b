import { EVENT_STORE, EventStore } from '@ips/event-store';
import { PlatformHarness } from './testing/platform-harness';

const referral = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal' };
const enrolment = { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' };

describe('embedded platform over HTTP', () => {
  let harness: PlatformHarness;
  let caseworker: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const store = (): EventStore => harness.platform.app.get<EventStore>(EVENT_STORE);
  const allEvents = async () => (await store().readAll(0, 10_000)).length;

  const refer = async (body: object = referral): Promise<string> => {
    const response = await harness.http.post('/welfare-office/referrals').set(auth(caseworker)).send(body).expect(201);
    return response.body.participantId as string;
  };

  beforeAll(async () => {
    harness = await PlatformHarness.start();
    caseworker = await harness.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('answers GET /health without a token', async () => {
    await harness.http.get('/health').expect(200, { status: 'ok' });
  });

  it('shows a referral then an enrolment on the timeline, oldest first, and the summary says enrolled; the same after a restart', async () => {
    const participantId = await refer();
    harness.clock.advanceDays(3);
    await harness.http.post(`/welfare-office/participants/${participantId}/enrolment`).set(auth(caseworker)).send(enrolment).expect(201);
    await harness.platform.settled();

    const check = async (): Promise<void> => {
      const timeline = await harness.http.get(`/team-view/participants/${participantId}/timeline`).set(auth(caseworker)).expect(200);
      expect(timeline.body.participantId).toBe(participantId);
      expect(timeline.body.entries.map((entry: { type: string }) => entry.type)).toEqual(['ParticipantReferred', 'ParticipantEnrolled']);
      expect(timeline.body.entries[0]).toMatchObject({
        agency: 'welfare-office',
        occurredAt: '2026-03-02T09:00:00.000Z',
        summary: 'Referred to IPS by DPS Lerkendal',
      });
      expect(timeline.body.entries[1].occurredAt).toBe('2026-03-05T09:00:00.000Z');

      const summary = await harness.http.get(`/team-view/participants/${participantId}`).set(auth(caseworker)).expect(200);
      expect(summary.body).toMatchObject({
        participantId,
        phase: 'enrolled',
        name: { givenName: 'Kari', familyName: 'Nordmann' },
        contacts: { 'welfare-office': enrolment },
        relapseRisk: null,
        placement: null,
      });
    };

    await check();
    await harness.restart();
    await check();
  });

  it('refuses a second enrolment with 409 problem+json and writes nothing', async () => {
    const participantId = await refer();
    const enrol = () => harness.http.post(`/welfare-office/participants/${participantId}/enrolment`).set(auth(caseworker)).send(enrolment);
    await enrol().expect(201);
    await harness.platform.settled(); // other services note the enrolment in their own streams
    const before = await allEvents();

    const second = await enrol()
      .expect(409)
      .expect('content-type', /application\/problem\+json/);
    expect(second.body).toMatchObject({ status: 409, code: 'PARTICIPANT.ALREADY_ENROLLED', title: 'Conflict' });
    expect(second.body.type).toEqual(expect.any(String));
    expect(second.body.detail).toEqual(expect.any(String));
    await harness.platform.settled();
    expect(await allEvents()).toBe(before);
  });

  it('refuses an unknown body field with 400 and the field in errors, writing nothing', async () => {
    await harness.platform.settled();
    const before = await allEvents();
    const response = await harness.http
      .post('/welfare-office/referrals')
      .set(auth(caseworker))
      .send({ ...referral, diagnosis: 'F20' })
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(response.body.errors).toEqual([{ field: 'diagnosis', message: 'is not a known field' }]);
    expect(await allEvents()).toBe(before);
  });

  it.each([
    ['a missing field', { ...referral, givenName: undefined }, 'givenName'],
    ['an impossible birth date', { ...referral, birthDate: '1994-02-30' }, 'birthDate'],
    ['a birth date in the future', { ...referral, birthDate: '2999-01-01' }, 'birthDate'],
    ['a number for a name', { ...referral, familyName: 42 }, 'familyName'],
  ])('refuses %s with 400 naming the field', async (_, body, field) => {
    const response = await harness.http.post('/welfare-office/referrals').set(auth(caseworker)).send(body).expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('answers malformed JSON with 400, a too-large body with 413, a bad id with 400, an unknown participant with 404', async () => {
    await harness.http
      .post('/welfare-office/referrals')
      .set(auth(caseworker))
      .set('content-type', 'application/json')
      .send('{"givenName": ')
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    await harness.http
      .post('/welfare-office/referrals')
      .set(auth(caseworker))
      .send({ ...referral, reason: 'x'.repeat(100_000) })
      .expect(413)
      .expect('content-type', /application\/problem\+json/);
    await harness.http.post('/welfare-office/participants/not-a-uuid/enrolment').set(auth(caseworker)).send(enrolment).expect(400);
    const unknown = await harness.http
      .post('/welfare-office/participants/6f1b8a8e-2b0e-4c41-9a7e-3b1f2d9e0c11/enrolment')
      .set(auth(caseworker))
      .send(enrolment)
      .expect(404);
    expect(unknown.body.code).toBe('PARTICIPANT.NOT_FOUND');
  });

  it('answers 401 without a token or with a bad one, 403 for another agency writing the welfare office’s record', async () => {
    const none = await harness.http.post('/welfare-office/referrals').send(referral).expect(401);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    await harness.http.get('/team-view/participants/6f1b8a8e-2b0e-4c41-9a7e-3b1f2d9e0c11/timeline').expect(401);
    await harness.http.post('/welfare-office/referrals').set(auth('not.a.jwt')).send(referral).expect(401);
    const clinician = await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
    const forbidden = await harness.http.post('/welfare-office/referrals').set(auth(clinician)).send(referral).expect(403);
    expect(forbidden.body.code).toBe('AUTH.FORBIDDEN');
  });

  it('shows the participant their own record, hides it from another participant and, without consent, from other agencies', async () => {
    const participantId = await refer();
    await harness.platform.settled();
    const own = await harness.token({ sub: 'kari', agency: 'participant', role: 'participant', participantId });
    await harness.http.get(`/team-view/participants/${participantId}/timeline`).set(auth(own)).expect(200);

    const other = await harness.token({
      sub: 'ola',
      agency: 'participant',
      role: 'participant',
      participantId: '6f1b8a8e-2b0e-4c41-9a7e-3b1f2d9e0c11',
    });
    await harness.http.get(`/team-view/participants/${participantId}/timeline`).set(auth(other)).expect(403);

    const clinician = await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
    await harness.http.get(`/team-view/participants/${participantId}`).set(auth(clinician)).expect(404);
  });

  it('lets the participant see who wrote and who tried to read their record; not other staff', async () => {
    const participantId = await refer();
    await harness.platform.settled();
    const clinician = await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
    await harness.http.get(`/team-view/participants/${participantId}/timeline`).set(auth(clinician)).expect(404);
    await harness.http.get(`/team-view/participants/${participantId}`).set(auth(caseworker)).expect(200);

    const own = await harness.token({ sub: 'kari', agency: 'participant', role: 'participant', participantId });
    const log = await harness.http.get(`/team-view/participants/${participantId}/access-log`).set(auth(own)).expect(200);
    expect(log.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ who: expect.objectContaining({ sub: 'cw-ola' }), action: 'wrote ParticipantReferred' }),
        expect.objectContaining({ who: expect.objectContaining({ sub: 'dr-lie' }), action: 'read-timeline', outcome: 'not-found' }),
        expect.objectContaining({ who: expect.objectContaining({ sub: 'cw-ola' }), action: 'read-summary', outcome: 'allowed' }),
      ]),
    );
    await harness.http.get(`/team-view/participants/${participantId}/access-log`).set(auth(caseworker)).expect(403);
    const supervisor = await harness.token({ sub: 'sup-1', agency: 'welfare-office', role: 'supervisor' });
    await harness.http.get(`/team-view/participants/${participantId}/access-log`).set(auth(supervisor)).expect(200);
  });
});
