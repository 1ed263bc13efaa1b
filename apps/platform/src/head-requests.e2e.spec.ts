import { randomUUID } from 'node:crypto';
import { ACCESS_POLICY, PRINCIPAL_KINDS, PrincipalKind, TokenClaims } from '@ips/access';
import { PlatformHarness } from './testing/platform-harness';

/**
 * HEAD on a readable route is the GET it mirrors (the server answers it with the GET route's handler, headers only):
 * the same callers, the same checks on the participant or placement, the same status; never a 403 the GET would
 * not give.
 */
describe('HEAD is answered as the GET it mirrors', () => {
  jest.setTimeout(120_000);
  let harness: PlatformHarness;
  const world = { participantId: '', employerId: '', placementId: '' };

  const claimsOf = (kind: PrincipalKind, employerId = world.employerId): TokenClaims => {
    const [agency, role] = kind.split('/') as [string, string];
    return {
      sub: `${role}-1`,
      agency,
      role,
      ...(agency === 'participant' ? { participantId: world.participantId } : {}),
      ...(role === 'employer' ? { employerId } : {}),
    };
  };
  const pathOf = (route: string): string =>
    route
      .replace(':id', world.participantId)
      .replace(':placementId', world.placementId)
      .replace(/:[a-zA-Z]+/g, () => randomUUID());

  /** Status, body length and content type; a stream (server-sent events) is closed as soon as its headers arrive. */
  const ask = async (method: 'GET' | 'HEAD', path: string, token: string | null) => {
    const abort = new AbortController();
    const answer = await fetch(`${harness.platform.url}${path}`, {
      method,
      signal: abort.signal,
      headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const streaming = answer.headers.get('content-type')?.includes('text/event-stream') === true;
    const body = method === 'HEAD' || !streaming ? await answer.text() : '';
    abort.abort();
    return { status: answer.status, body, type: answer.headers.get('content-type') };
  };

  beforeAll(async () => {
    harness = await PlatformHarness.start(undefined, { authFailuresPerMinute: 10_000, demoSignIn: 'on' });
    const specialist = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    const as = { Authorization: `Bearer ${specialist}` };
    world.participantId = (
      await harness.http
        .post('/welfare-office/referrals')
        .set(as)
        .send({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' })
        .expect(201)
    ).body.participantId;
    await harness.http
      .post(`/welfare-office/participants/${world.participantId}/enrolment`)
      .set(as)
      .send({ employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' })
      .expect(201);
    await harness.platform.settled();
    world.employerId = (
      await harness.http.post('/employer/employers').set(as).send({ name: 'Lager AS', organisationNumber: '912345678' }).expect(201)
    ).body.employerId;
    world.placementId = (
      await harness.http
        .post('/employer/placements')
        .set(as)
        .send({
          participantId: world.participantId,
          employerId: world.employerId,
          jobTitle: 'Packer',
          startDate: '2026-03-02',
          hoursPerWeek: 20,
          hourlyWage: 230,
        })
        .expect(201)
    ).body.placementId;
    await harness.platform.settled();
  });
  afterAll(() => harness.stop());

  it('lets the reader of a record HEAD it: 200, the GET’s headers, no body', async () => {
    const token = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    for (const path of [
      `/team-view/participants/${world.participantId}`,
      `/team-view/participants/${world.participantId}/timeline`,
      '/team-view/participants',
    ]) {
      const [get, head] = [await ask('GET', path, token), await ask('HEAD', path, token)];
      expect(get.status).toBe(200);
      expect(head).toEqual({ status: 200, body: '', type: get.type });
    }
  });

  it('makes the same checks on the participant: not visible to the GET, not visible to the HEAD (404, not 403)', async () => {
    const path = `/team-view/participants/${world.participantId}`;
    // Another employer's token: its agency may read records, but not this participant's (no placement with it).
    const stranger = await harness.token(claimsOf('employer/employer', randomUUID()));
    const [get, head] = [await ask('GET', path, stranger), await ask('HEAD', path, stranger)];
    expect(get.status).toBe(404);
    expect(head.status).toBe(404);
    // Someone else's participant token: not theirs.
    const other = await harness.token({ sub: 'participant-2', agency: 'participant', role: 'participant', participantId: randomUUID() });
    expect((await ask('HEAD', path, other)).status).toBe((await ask('GET', path, other)).status);
  });

  it('refuses HEAD as it refuses the GET: 401 without a token, 403 for an agency or role the table leaves out', async () => {
    expect((await ask('HEAD', '/team-view/board', null)).status).toBe(401);
    const clinician = await harness.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' });
    expect((await ask('GET', '/team-view/board', clinician)).status).toBe(403);
    expect((await ask('HEAD', '/team-view/board', clinician)).status).toBe(403);
  });

  describe.each(ACCESS_POLICY.filter((row) => row.route.startsWith('GET ')).map((row) => [row.route, row] as const))('%s', (route) => {
    const path = (): string => pathOf(route.split(' ')[1] as string);

    it('answers HEAD without a token as it answers GET', async () => {
      const at = path();
      expect((await ask('HEAD', at, null)).status).toBe((await ask('GET', at, null)).status);
    });

    it.each(PRINCIPAL_KINDS.map((kind) => [kind]))('answers HEAD as %s as it answers GET', async (kind) => {
      const at = path();
      const token = await harness.token(claimsOf(kind));
      const [get, head] = [await ask('GET', at, token), await ask('HEAD', at, token)];
      expect({ route, kind, status: head.status }).toEqual({ route, kind, status: get.status });
      expect(head.body).toBe('');
    });
  });
});
