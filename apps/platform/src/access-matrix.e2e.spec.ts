import { randomUUID } from 'node:crypto';
import { ACCESS_POLICY, PRINCIPAL_KINDS, PolicyRow, PrincipalKind, TokenClaims, isTeamStaff } from '@ips/access';
import { PlatformHarness } from './testing/platform-harness';

type Document = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema?: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, { example?: unknown }> }> };
};

/**
 * The access policy table, route by route and agency/role by agency/role, against the running platform:
 * no token → 401; an agency/role without ✓ → 403; one with ✓ → neither 401 nor 403 (the call is let
 * through to the route, whatever it then answers), with the relation the table names satisfied: the
 * participant's own record, the employer's own placement, and for staff work need (the staff callers are members
 * of the participant's team).
 *
 * Work need (decision 28), for every row with `workNeed` and every staff agency/role it lets in: the world has two
 * teams, A and B, and the participant is on A. A member of A is let through (not the guard's 404); a member of B, a
 * former member of A and someone with no relation get 404 PARTICIPANT.NOT_FOUND; someone named on the record (the
 * specialist and contact person of the enrolment, the treatment team's clinician, the municipal contact) but on no
 * team is let through (named while on A, the one day of their membership, as a name is picked from the team's members).
 * Emergency access (decision 30): a member of B with an emergency access in force is let through exactly on the rows
 * marked `emergencyAccess` (the team view's reads) and gets the 404 everywhere else; once they ended it, 404 everywhere.
 */
describe('the access policy, enforced on every route for every agency and role', () => {
  jest.setTimeout(120_000);
  let harness: PlatformHarness;
  let document: Document;
  const world = { participantId: '', employerId: '', placementId: '' };
  const teamA = randomUUID();
  const teamB = randomUUID();
  const staffKinds = PRINCIPAL_KINDS.filter((kind) => isTeamStaff({ agency: kind.split('/')[0] as string, role: kind.split('/')[1] as string }));
  /**
   * A person of this kind: `a` on team A (the matrix's callers), `b` on team B, `f` formerly on A, `x` on no team, `e` on
   * team B with an emergency access to the participant in force, `g` on team B with one they ended.
   */
  const subOf = (prefix: 'a' | 'b' | 'f' | 'x' | 'e' | 'g', kind: PrincipalKind): string => `${prefix}-${kind.replace('/', '-')}`;
  /** Named on the record and on no team: the names the routes' examples use too, so the matrix's own calls keep them named. */
  const NAMED: Partial<Record<PrincipalKind, string>> = {
    'welfare-office/employment-specialist': 'es-ingrid',
    'welfare-office/caseworker': 'cw-ola',
    'mental-health/clinician': 'dr-lie',
    'municipality/municipal-worker': 'mw-siri',
  };

  const claimsOf = (kind: PrincipalKind, sub?: string): TokenClaims => {
    const [agency, role] = kind.split('/') as [string, string];
    return {
      sub: sub ?? (isTeamStaff({ agency, role }) ? subOf('a', kind) : `${role}-1`),
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
  const statusOf = async (row: PolicyRow, token: string | null): Promise<number> => (await answerOf(row, token)).status;

  /** The status, and the problem's code for an answer that is not a stream. */
  const answerOf = async (row: PolicyRow, token: string | null): Promise<{ status: number; code?: string }> => {
    const [method] = row.route.split(' ') as [string, string];
    const abort = new AbortController();
    const answer = await fetch(`${harness.platform.url}${pathOf(row.route.split(' ')[1] as string)}`, {
      method,
      signal: abort.signal,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(method === 'GET' ? {} : { body: JSON.stringify(exampleBody(row)) }),
    });
    const streaming = answer.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
    const text = streaming ? '' : await answer.text().catch(() => '');
    abort.abort();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    return { status: answer.status, ...(code ? { code } : {}) };
  };

  /** The guard's refusal for want of work need: the 404 an unknown participant gets. */
  const refusedForWorkNeed = (answer: { status: number; code?: string }): boolean => answer.status === 404 && answer.code === 'PARTICIPANT.NOT_FOUND';

  beforeAll(async () => {
    // The demo sign-in's routes answer too (DEMO_SIGN_IN=on): the table's `anyone` rows for them are checked as well.
    harness = await PlatformHarness.start(undefined, { authFailuresPerMinute: 10_000, demoSignIn: 'on' });
    document = (await harness.http.get('/docs-json').expect(200)).body as Document;
    // Two teams: every staff kind has a member on A (the matrix's callers), one on B, and a former member of A.
    const administrator = { Authorization: `Bearer ${await harness.token({ sub: 'adm-1', agency: 'programme', role: 'administrator' })}` };
    for (const [teamId, name] of [
      [teamA, 'IPS A'],
      [teamB, 'IPS B'],
    ] as const) {
      await harness.http.put(`/programme/teams/${teamId}`).set(administrator).send({ name, municipality: 'Trondheim', timeZone: 'Europe/Oslo' }).expect(201);
    }
    for (const kind of staffKinds) {
      const [agency, role] = kind.split('/') as [string, string];
      const member = (sub: string, from?: string) => ({ sub, displayName: sub, agency, role, ...(from ? { from } : {}) });
      await harness.http
        .post(`/programme/teams/${teamA}/members`)
        .set(administrator)
        .send(member(subOf('a', kind)))
        .expect(201);
      await harness.http
        .post(`/programme/teams/${teamB}/members`)
        .set(administrator)
        .send(member(subOf('b', kind)))
        .expect(201);
      await harness.http
        .post(`/programme/teams/${teamA}/members`)
        .set(administrator)
        .send(member(subOf('f', kind), '2026-02-20'))
        .expect(201);
      await harness.http
        .post(`/programme/teams/${teamA}/members/${subOf('f', kind)}/end`)
        .set(administrator)
        .send({})
        .expect(201);
      await harness.http
        .post(`/programme/teams/${teamB}/members`)
        .set(administrator)
        .send(member(subOf('e', kind)))
        .expect(201);
      await harness.http
        .post(`/programme/teams/${teamB}/members`)
        .set(administrator)
        .send(member(subOf('g', kind)))
        .expect(201);
    }
    const asMemberOfA = async (kind: PrincipalKind) => ({ Authorization: `Bearer ${await harness.token(claimsOf(kind))}` });
    const specialistOfA = await asMemberOfA('welfare-office/employment-specialist');
    const as = specialistOfA;
    world.participantId = (
      await harness.http
        .post('/welfare-office/referrals')
        .set(as)
        .send({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self', teamId: teamA })
        .expect(201)
    ).body.participantId;
    await harness.platform.settled();
    // Named on the record, on no team: the enrolment's specialist and contact person, the clinician, the municipal contact.
    // A name is picked from the team's members: each is on A for the day they are named, and on no team after it.
    const named = Object.entries(NAMED) as [PrincipalKind, string][];
    for (const [kind, sub] of named) {
      const [agency, role] = kind.split('/') as [string, string];
      await harness.http.post(`/programme/teams/${teamA}/members`).set(administrator).send({ sub, displayName: sub, agency, role }).expect(201);
    }
    await harness.platform.settled();
    await harness.http
      .post(`/welfare-office/participants/${world.participantId}/enrolment`)
      .set(as)
      .send({ employmentSpecialistId: NAMED['welfare-office/employment-specialist'], contactPersonId: NAMED['welfare-office/caseworker'] })
      .expect(201);
    await harness.platform.settled();
    await harness.http
      .post(`/mental-health/participants/${world.participantId}/treatment-team`)
      .set(await asMemberOfA('mental-health/clinician'))
      .send({ teamName: 'DPS Nidaros', clinicianId: NAMED['mental-health/clinician'] })
      .expect(201);
    await harness.http
      .post(`/municipality/participants/${world.participantId}/contact-person`)
      .set(await asMemberOfA('municipality/municipal-worker'))
      .send({ contactPersonId: NAMED['municipality/municipal-worker'] })
      .expect(201);
    for (const [, sub] of named) await harness.http.post(`/programme/teams/${teamA}/members/${sub}/end`).set(administrator).send({}).expect(201);
    await harness.platform.settled();
    // Emergency access: `e` has one in force, `g` opened one and ended it.
    for (const kind of staffKinds) {
      const reason = { reasonCode: 'urgent-care', reason: 'The access matrix: a grant in force' };
      for (const prefix of ['e', 'g'] as const) {
        const holder = { Authorization: `Bearer ${await harness.token(claimsOf(kind, subOf(prefix, kind)))}` };
        const granted = await harness.http.post(`/team-view/participants/${world.participantId}/emergency-access`).set(holder).send(reason).expect(201);
        if (prefix === 'g')
          await harness.http
            .post(`/team-view/emergency-access/${granted.body.grantId as string}/end`)
            .set(holder)
            .send({})
            .expect(201);
      }
    }
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

  /**
   * The routes that name a participant, read from the routes themselves and not from the `workNeed` field, so a row
   * that loses its field fails here: the path's `:id` under `/participants/`, or a body with `participantId` (the
   * document's request bodies are checked against this list below).
   */
  const BODY_NAMES_PARTICIPANT = ['POST /employer/placements'];
  /** Breaking the glass is for those without work need: the one route that names a participant and must not ask for it. */
  const WITHOUT_WORK_NEED = ['POST /team-view/participants/:id/emergency-access'];
  const namesParticipant = (route: string): boolean =>
    (route.includes('/participants/:id') || BODY_NAMES_PARTICIPANT.includes(route)) && !WITHOUT_WORK_NEED.includes(route);
  const workNeedCases = ACCESS_POLICY.filter((row) => namesParticipant(row.route)).flatMap((row) =>
    staffKinds.filter((kind) => row.who !== 'anyone' && row.who.includes(kind)).map((kind) => [row.route, kind, row] as const),
  );

  it('work need: the table marks exactly the routes that name a participant and let staff in', () => {
    const marked = ACCESS_POLICY.filter((row) => row.workNeed).map((row) => row.route);
    expect(marked.sort()).toEqual([...new Set(workNeedCases.map(([route]) => route))].sort());
    for (const row of ACCESS_POLICY.filter((each) => each.workNeed)) {
      expect([row.route, row.workNeed]).toEqual([row.route, BODY_NAMES_PARTICIPANT.includes(row.route) ? 'body-participantId' : 'path-id']);
    }
  });

  it('work need: the request bodies that carry participantId are the listed ones', () => {
    const withParticipant = ACCESS_POLICY.filter((row) => 'participantId' in exampleBody(row)).map((row) => row.route);
    expect(withParticipant.sort()).toEqual([...BODY_NAMES_PARTICIPANT].sort());
  });

  it('emergency access: the table opens exactly the team view’s reads of one participant to it, never a write', () => {
    const opened = ACCESS_POLICY.filter((row) => row.emergencyAccess).map((row) => row.route);
    expect(opened.sort()).toEqual(
      [
        'GET /team-view/participants/:id',
        'GET /team-view/participants/:id/access-log',
        'GET /team-view/participants/:id/stream',
        'GET /team-view/participants/:id/timeline',
      ].sort(),
    );
    for (const row of ACCESS_POLICY.filter((each) => each.emergencyAccess)) expect(row.workNeed).toBe('path-id');
  });

  describe.each(workNeedCases)('work need: %s as %s', (_, kind, row) => {
    const as = async (sub: string) => answerOf(row, await harness.token(claimsOf(kind, sub)));

    it('a member of the participant’s team (A) is let through', async () => {
      expect(refusedForWorkNeed(await as(subOf('a', kind)))).toBe(false);
    });

    it('a member of another team (B) gets 404 PARTICIPANT.NOT_FOUND', async () => {
      expect(await as(subOf('b', kind))).toEqual({ status: 404, code: 'PARTICIPANT.NOT_FOUND' });
    });

    it('a former member of A (membership ended) gets 404 PARTICIPANT.NOT_FOUND', async () => {
      expect(await as(subOf('f', kind))).toEqual({ status: 404, code: 'PARTICIPANT.NOT_FOUND' });
    });

    it('someone with no relation gets 404 PARTICIPANT.NOT_FOUND', async () => {
      expect(await as(subOf('x', kind))).toEqual({ status: 404, code: 'PARTICIPANT.NOT_FOUND' });
    });

    if (row.emergencyAccess) {
      it('a member of B with an emergency access in force is let through', async () => {
        expect(refusedForWorkNeed(await as(subOf('e', kind)))).toBe(false);
      });
    } else {
      it('a member of B with an emergency access in force gets 404 PARTICIPANT.NOT_FOUND (it opens no such route)', async () => {
        expect(await as(subOf('e', kind))).toEqual({ status: 404, code: 'PARTICIPANT.NOT_FOUND' });
      });
    }

    it('a member of B whose emergency access ended gets 404 PARTICIPANT.NOT_FOUND', async () => {
      expect(await as(subOf('g', kind))).toEqual({ status: 404, code: 'PARTICIPANT.NOT_FOUND' });
    });

    const named = NAMED[kind];
    if (named) {
      it(`someone named on the record and on no team (${named}) is let through`, async () => {
        expect(refusedForWorkNeed(await as(named))).toBe(false);
      });
    }
  });
});
