import { PlatformHarness } from './testing/platform-harness';

describe('team board over HTTP, with a clock the test moves', () => {
  let harness: PlatformHarness;
  let caseworker: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    harness = await PlatformHarness.start();
    caseworker = await harness.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
  });
  afterAll(() => harness.stop());

  const enrol = async (specialist: string): Promise<string> => {
    const { body } = await harness.http
      .post('/welfare-office/referrals')
      .set(auth(caseworker))
      .send({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' })
      .expect(201);
    await harness.http
      .post(`/welfare-office/participants/${body.participantId}/enrolment`)
      .set(auth(caseworker))
      .send({ employmentSpecialistId: specialist, contactPersonId: 'cw-ola' })
      .expect(201);
    return body.participantId as string;
  };
  const board = async (token: string) => {
    await harness.platform.settled();
    return (await harness.http.get('/team-view/board').set(auth(token)).expect(200)).body;
  };
  const alertsOf = (body: { specialists: { participants: { participantId: string; alerts: { code: string }[] }[] }[] }, id: string) =>
    body.specialists
      .flatMap((s) => s.participants)
      .find((p) => p.participantId === id)
      ?.alerts.map((a) => a.code);

  it('raises alerts as time passes and clears them when the work is done; a specialist sees only their caseload', async () => {
    const ingrids = await enrol('es-ingrid');
    const others = await enrol('es-per');
    const ingrid = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });

    expect(alertsOf(await board(caseworker), ingrids)).toEqual([]);
    const own = await board(ingrid);
    expect(own.specialists.map((s: { employmentSpecialistId: string }) => s.employmentSpecialistId)).toEqual(['es-ingrid']);
    expect(alertsOf(own, others)).toBeUndefined();

    harness.clock.advanceDays(31);
    expect(alertsOf(await board(ingrid), ingrids)).toEqual(['NO_PARTICIPANT_CONTACT_14_DAYS', 'NO_EMPLOYER_CONTACT_30_DAYS']);

    const today = harness.clock.now().toISOString().slice(0, 10);
    await harness.http
      .post(`/welfare-office/participants/${ingrids}/employer-contacts`)
      .set(auth(ingrid))
      .send({ employerId: '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', kind: 'face-to-face' })
      .expect(201);
    expect(alertsOf(await board(ingrid), ingrids)).toEqual(['NO_PARTICIPANT_CONTACT_14_DAYS']);
    await harness.http
      .post(`/welfare-office/participants/${ingrids}/contacts`)
      .set(auth(ingrid))
      .send({ contactedOn: today, mode: 'in-person', inCommunity: true })
      .expect(201);
    expect(alertsOf(await board(ingrid), ingrids)).toEqual([]);
  });

  it('is not for other agencies', async () => {
    const clinician = await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
    await harness.http.get('/team-view/board').set(auth(clinician)).expect(403);
    await harness.http.get('/team-view/board').expect(401);
  });

  it('gives supervisors the quarter’s outcome figures, as JSON or CSV', async () => {
    await harness.platform.settled();
    const supervisor = await harness.token({ sub: 'sup-1', agency: 'welfare-office', role: 'supervisor' });
    const quarter = `${harness.clock.now().getUTCFullYear()}-Q${Math.floor(harness.clock.now().getUTCMonth() / 3) + 1}`;
    const json = await harness.http.get('/team-view/outcomes').set(auth(supervisor)).expect(200);
    expect(json.body).toMatchObject({ quarter, participantsServed: 2, participantsEmployed: 0, employmentRate: 0, band: 'below-minimal' });
    const csv = await harness.http.get(`/team-view/outcomes?quarter=${quarter}`).set(auth(supervisor)).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('participantsServed,2');
    const bad = await harness.http.get('/team-view/outcomes?quarter=2026-13').set(auth(supervisor)).expect(400);
    expect(bad.body.errors[0].field).toBe('quarter');
    const clinician = await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
    await harness.http.get('/team-view/outcomes').set(auth(clinician)).expect(403);
  });
});
