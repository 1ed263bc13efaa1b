import { randomUUID } from 'node:crypto';
import { ACCESS_POLICY, PRINCIPAL_KINDS, PolicyRow, PrincipalKind, TokenClaims } from '@ips/access';
import { PlatformHarness } from './testing/platform-harness';

type Document = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema?: { $ref?: string } }> } }>>; components: { schemas: Record<string, { properties?: Record<string, { example?: unknown }> }> } };

/**
 * The access policy table, route by route and agency/role by agency/role, against the running platform:
 * no token → 401; an agency/role without ✓ → 403; one with ✓ → neither 401 nor 403 (the call is let
 * through to the route, whatever it then answers), with the relation the table names satisfied: the
 * participant's own record, the employer's own placement.
 */
describe('the access policy, enforced on every route for every agency and role', () => {
  jest.setTimeout(120_000);
  let harness: PlatformHarness;
  let document: Document;
  const world = { participantId: '', employerId: '', placementId: '' };

  const claimsOf = (kind: PrincipalKind): TokenClaims => {
    const [agency, role] = kind.split('/') as [string, string];
    return {
      sub: `${role}-1`,
      agency,
      role,
      ...(agency === 'participant' ? { participantId: world.participantId } : {}),
      ...(role === 'employer' ? { employerId: world.employerId } : {}),
    };
  };

  const pathOf = (route: string): string =>
    route
      .replace(':id', world.participantId)
      .replace(':placementId', world.placementId)
      .replace(/:[a-zA-Z]+/g, () => randomUUID());

  const exampleBody = (row: PolicyRow): Record<string, unknown> => {
    const [method, path] = row.route.split(' ') as [string, string];
    const operation = document.paths[path.replace(/:([a-zA-Z]+)/g, '{$1}')]?.[method.toLowerCase()];
    const ref = operation?.requestBody?.content['application/json']?.schema?.$ref;
    const schema = ref ? document.components.schemas[ref.split('/').pop() as string] : undefined;
    const body = Object.fromEntries(Object.entries(schema?.properties ?? {}).map(([name, field]) => [name, field.example]));
    // The relation the table names holds: the world's own participant, employer and placement.
    for (const key of ['participantId', 'employerId', 'placementId'] as const) if (key in body) body[key] = world[key];
    return body;
  };

  /** The status only: a stream (server-sent events) is closed as soon as its headers arrive. */
  const statusOf = async (row: PolicyRow, token: string | null): Promise<number> => {
    const [method] = row.route.split(' ') as [string, string];
    const abort = new AbortController();
    const answer = await fetch(`${harness.platform.url}${pathOf(row.route.split(' ')[1] as string)}`, {
      method,
      signal: abort.signal,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(method === 'GET' ? {} : { body: JSON.stringify(exampleBody(row)) }),
    });
    abort.abort();
    return answer.status;
  };

  beforeAll(async () => {
    // The demo sign-in's routes answer too (DEMO_SIGN_IN=on): the table's `anyone` rows for them are checked as well.
    harness = await PlatformHarness.start(undefined, { authFailuresPerMinute: 10_000, demoSignIn: 'on' });
    document = (await harness.http.get('/docs-json').expect(200)).body as Document;
    const specialist = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    const as = { Authorization: `Bearer ${specialist}` };
    world.participantId = (await harness.http.post('/welfare-office/referrals').set(as).send({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' }).expect(201)).body.participantId;
    await harness.http.post(`/welfare-office/participants/${world.participantId}/enrolment`).set(as).send({ employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' }).expect(201);
    await harness.platform.settled();
    world.employerId = (await harness.http.post('/employer/employers').set(as).send({ name: 'Lager AS', organisationNumber: '912345678' }).expect(201)).body.employerId;
    world.placementId = (await harness.http.post('/employer/placements').set(as).send({ participantId: world.participantId, employerId: world.employerId, jobTitle: 'Packer', startDate: '2026-03-02', hoursPerWeek: 20, hourlyWage: 230 }).expect(201)).body.placementId;
    await harness.platform.settled();
  });
  afterAll(() => harness.stop());

  it('covers every route the platform serves, and nothing it does not', async () => {
    const served = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{([a-zA-Z]+)\}/g, ':$1')}`),
    );
    const inTable = ACCESS_POLICY.map((row) => row.route);
    expect([...served].sort()).toEqual([...inTable].sort());
  });

  describe.each(ACCESS_POLICY.map((row) => [row.route, row] as const))('%s', (_, row) => {
    it(row.who === 'anyone' ? 'answers anyone, token or not' : 'answers 401 without a token', async () => {
      const status = await statusOf(row, null);
      if (row.who === 'anyone') expect(status).toBe(200);
      else expect(status).toBe(401);
    });

    it.each(PRINCIPAL_KINDS.map((kind) => [kind]))('%s', async (kind) => {
      const status = await statusOf(row, await harness.token(claimsOf(kind)));
      const allowed = row.who === 'anyone' || row.who.includes(kind);
      if (allowed) expect([401, 403]).not.toContain(status);
      else expect(status).toBe(403);
    });
  });
});
