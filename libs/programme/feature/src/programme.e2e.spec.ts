import { randomUUID } from 'node:crypto';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { TokenClaims } from '@ips/access';
import { FeatureTestApp, startFeatureTestApp } from '@ips/command-pipeline/testing';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { PgliteDriver } from '@ips/postgres';
import { programmeTeamAggregate } from '@ips/programme/domain';
import { TeamDirectory } from '@ips/team-directory';
import { TeamDirectoryTestModule } from '@ips/team-directory/testing';
import { streamId } from '@ips/kernel';
import { ProgrammeModule } from './programme.module';

const NOW = '2026-11-02T09:00:00.000Z';
const TODAY = '2026-11-02';

describe('the programme over HTTP', () => {
  let app: FeatureTestApp;
  let directoryDb: PgliteDriver | undefined;
  let store: PostgresEventStore;
  let administrator: string;
  let kari: string;

  const token = (claims: TokenClaims) => app.token(claims);
  const auth = (bearer: string) => ({ Authorization: `Bearer ${bearer}` });
  const http = () => app.http();
  const put = (route: string, body: object, bearer = administrator) => http().put(route).set(auth(bearer)).send(body);
  const post = (route: string, body: object = {}, bearer = administrator) => http().post(route).set(auth(bearer)).send(body);
  const team = (teamId: string) => `/programme/teams/${teamId}`;
  const members = (teamId: string) => `${team(teamId)}/members`;
  const definition = { name: 'IPS Trondheim sentrum', municipality: 'Trondheim', timeZone: 'Europe/Oslo' };
  const ingrid = {
    sub: 'es-ingrid',
    displayName: 'Ingrid Solberg, employment specialist, NAV Lerkendal',
    agency: 'welfare-office',
    role: 'employment-specialist',
  };
  const history = async (teamId: string) => (await store.readStream(streamId(programmeTeamAggregate.category, teamId))).events;

  /** A team defined by the administrator, with Kari (welfare office) as its supervisor. */
  const supervisedTeam = async (): Promise<string> => {
    const teamId = randomUUID();
    await put(team(teamId), definition).expect(201);
    await post(members(teamId), { sub: 'sup-kari', displayName: 'Kari Nilsen, supervisor', agency: 'welfare-office', role: 'supervisor' }).expect(201);
    return teamId;
  };

  beforeAll(async () => {
    // The write routes wait for the service's team directory; here one of its own, which has nothing to wait for.
    directoryDb = await PgliteDriver.open();
    const directory = TeamDirectoryTestModule.with(await TeamDirectory.open(directoryDb));
    app = await startFeatureTestApp({ imports: [directory, ProgrammeModule], now: NOW, logger: ['error', 'warn'] });
    ({ store } = app);
    administrator = await token({ sub: 'adm-1', agency: 'programme', role: 'administrator' });
    kari = await token({ sub: 'sup-kari', agency: 'welfare-office', role: 'supervisor' });
  });

  afterAll(async () => {
    await app?.close();
    await directoryDb?.close();
  });

  describe('define-team: PUT /programme/teams/:teamId', () => {
    it('defines a team (201), changes it (200), and answers the same definition again with 200 writing nothing', async () => {
      const teamId = randomUUID();
      const created = await put(team(teamId), definition).expect(201);
      expect(created.body).toEqual({ teamId });

      await put(team(teamId), { ...definition, name: 'IPS Trondheim sør' }).expect(200);
      expect(await history(teamId)).toHaveLength(2);

      const same = await put(team(teamId), { ...definition, name: 'IPS Trondheim sør' }).expect(200);
      expect(same.body).toEqual({ teamId });
      expect((await history(teamId)).map((event) => event.type)).toEqual(['TeamDefined', 'TeamDefined']);
    });

    it('refuses a time zone the time-zone database does not know (422) and writes nothing', async () => {
      const teamId = randomUUID();
      const refused = await put(team(teamId), { ...definition, timeZone: 'Mars/Olympus_Mons' }).expect(422);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe('TEAM.INVALID_TIME_ZONE');
      expect(await history(teamId)).toEqual([]);
    });

    it('refuses anyone but the administrator (403)', async () => {
      const refused = await put(team(randomUUID()), definition, kari).expect(403);
      expect(refused.body.code).toBe('AUTH.FORBIDDEN');
    });

    it('refuses bad input (400): an unknown field, a missing name, a bad id', async () => {
      const unknown = await put(team(randomUUID()), { ...definition, colour: 'red' }).expect(400);
      expect(unknown.body.errors).toContainEqual({ field: 'colour', message: 'is not a known field' });

      const { name: _, ...nameless } = definition;
      const missing = await put(team(randomUUID()), nameless).expect(400);
      expect(missing.body.errors.map((error: { field: string }) => error.field)).toContain('name');

      const badId = await put('/programme/teams/not-a-uuid', definition).expect(400);
      expect(badId.body.code).toBe('REQUEST.INVALID_ID');
    });
  });

  describe('add-team-member: POST /programme/teams/:teamId/members', () => {
    it('adds a member (201) and refuses them twice (409), writing nothing the second time', async () => {
      const teamId = await supervisedTeam();
      await post(members(teamId), ingrid).expect(201);
      const twice = await post(members(teamId), ingrid).expect(409);
      expect(twice.body.code).toBe('TEAM.MEMBER_ALREADY_ADDED');
      expect((await history(teamId)).map((event) => event.type)).toEqual(['TeamDefined', 'TeamMemberAdded', 'TeamMemberAdded']);
    });

    it('lets a supervisor of the team add a member (201)', async () => {
      const teamId = await supervisedTeam();
      await post(members(teamId), ingrid, kari).expect(201);
      const added = (await history(teamId)).at(-1);
      expect(added?.data).toEqual({ teamId, ...ingrid, from: TODAY, addedAt: NOW });
      expect(added?.metadata).toMatchObject({ actor: { sub: 'sup-kari', agency: 'welfare-office', role: 'supervisor' } });
    });

    it('answers a supervisor of another team as if the team did not exist (404)', async () => {
      await supervisedTeam();
      const other = randomUUID();
      await put(team(other), { ...definition, name: 'IPS Bergen' }).expect(201);
      const refused = await post(members(other), ingrid, kari).expect(404);
      expect(refused.body.code).toBe('TEAM.NOT_FOUND');
      expect(await history(other)).toHaveLength(1);
    });

    it("refuses a supervisor naming a supervisor (422): that is the administrator's", async () => {
      const teamId = await supervisedTeam();
      const refused = await post(members(teamId), { ...ingrid, role: 'supervisor' }, kari).expect(422);
      expect(refused.body.code).toBe('TEAM.SUPERVISOR_BY_ADMINISTRATOR');
    });

    it('refuses a role of another agency (422) and a start more than a year away (422)', async () => {
      const teamId = await supervisedTeam();
      const role = await post(members(teamId), { ...ingrid, role: 'clinician' }).expect(422);
      expect(role.body.code).toBe('TEAM.ROLE_NOT_OF_AGENCY');
      const far = await post(members(teamId), { ...ingrid, from: '2024-11-01' }).expect(422);
      expect(far.body.code).toBe('TEAM.FROM_OUT_OF_RANGE');
    });

    it('answers 404 for a team that does not exist', async () => {
      const refused = await post(members(randomUUID()), ingrid).expect(404);
      expect(refused.body.code).toBe('TEAM.NOT_FOUND');
    });

    it('refuses bad input (400): an unknown field, a bad agency or role, no display name, a bad date', async () => {
      const teamId = await supervisedTeam();
      const fieldsOf = (response: { body: { errors: { field: string }[] } }) => [...new Set(response.body.errors.map((error) => error.field))];

      const unknown = await post(members(teamId), { ...ingrid, colour: 'red' }).expect(400);
      expect(unknown.body.errors).toContainEqual({ field: 'colour', message: 'is not a known field' });
      expect(fieldsOf(await post(members(teamId), { ...ingrid, agency: 'employer' }).expect(400))).toEqual(['agency']);
      expect(fieldsOf(await post(members(teamId), { ...ingrid, role: 'administrator' }).expect(400))).toEqual(['role']);
      const { displayName: _, ...nameless } = ingrid;
      expect(fieldsOf(await post(members(teamId), nameless).expect(400))).toEqual(['displayName']);
      expect(fieldsOf(await post(members(teamId), { ...ingrid, from: '2026-02-30' }).expect(400))).toEqual(['from']);
      expect(fieldsOf(await post(members(teamId), { ...ingrid, sub: 'x'.repeat(201) }).expect(400))).toEqual(['sub']);
      expect(await history(teamId)).toHaveLength(2);
    });
  });

  describe('end-team-membership: POST /programme/teams/:teamId/members/:sub/end', () => {
    it('ends a membership (201), then answers 404 for it and for someone never on the team', async () => {
      const teamId = await supervisedTeam();
      await post(members(teamId), ingrid).expect(201);
      await post(`${members(teamId)}/es-ingrid/end`, { on: '2026-11-30' }, kari).expect(201);
      expect((await history(teamId)).at(-1)?.data).toEqual({ teamId, sub: 'es-ingrid', on: '2026-11-30', endedAt: NOW });

      const again = await post(`${members(teamId)}/es-ingrid/end`, {}).expect(404);
      expect(again.body.code).toBe('TEAM.MEMBER_NOT_FOUND');
      const never = await post(`${members(teamId)}/es-per/end`, {}).expect(404);
      expect(never.body.code).toBe('TEAM.MEMBER_NOT_FOUND');
    });

    it('ends today when no day is given, and lets the person be added again afterwards', async () => {
      const teamId = await supervisedTeam();
      await post(members(teamId), { ...ingrid, from: '2026-10-01' }).expect(201);
      await post(`${members(teamId)}/es-ingrid/end`).expect(201);
      expect((await history(teamId)).at(-1)?.data).toMatchObject({ on: TODAY });
      await post(members(teamId), { ...ingrid, role: 'caseworker' }).expect(201);
    });

    it('refuses an end far back (422), before the start (422), on an unknown team (404), with an unknown field (400)', async () => {
      const teamId = await supervisedTeam();
      await post(members(teamId), { ...ingrid, from: '2026-09-01' }).expect(201);
      const farBack = await post(`${members(teamId)}/es-ingrid/end`, { on: '2026-10-02' }).expect(422);
      expect(farBack.body.code).toBe('TEAM.END_TOO_FAR_BACK');
      const early = await post(`${members(teamId)}/es-ingrid/end`, { on: '2026-08-31' }).expect(422);
      expect(early.body.code).toBe('TEAM.END_BEFORE_START');
      const unknownTeam = await post(`${members(randomUUID())}/es-ingrid/end`).expect(404);
      expect(unknownTeam.body.code).toBe('TEAM.NOT_FOUND');
      const unknownField = await post(`${members(teamId)}/es-ingrid/end`, { reason: 'moved' }).expect(400);
      expect(unknownField.body.errors).toContainEqual({ field: 'reason', message: 'is not a known field' });
      expect(await history(teamId)).toHaveLength(3);
    });
  });

  it('publishes team events keyed by the team, from the programme', async () => {
    const teamId = await supervisedTeam();
    await post(members(teamId), ingrid, kari).expect(201);
    await post(`${members(teamId)}/es-ingrid/end`, {}, kari).expect(201);

    const outbox = (await store.readOutbox(0, 1000)).filter((message) => message.key === teamId);
    expect(outbox.map((message) => message.type)).toEqual(['TeamDefined.v1', 'TeamMemberAdded.v1', 'TeamMemberAdded.v1', 'TeamMembershipEnded.v1']);
    expect(outbox[2]?.payload).toMatchObject({
      type: 'TeamMemberAdded',
      version: 1,
      source: 'programme',
      teamId,
      occurredAt: NOW,
      recordedBy: { sub: 'sup-kari', agency: 'welfare-office', role: 'supervisor' },
      data: { ...ingrid, from: TODAY },
    });
    expect(outbox[3]?.payload).toMatchObject({ type: 'TeamMembershipEnded', data: { sub: 'es-ingrid', on: TODAY } });
  });

  it('documents every route in the OpenAPI document', () => {
    const document = SwaggerModule.createDocument(app.nest, new DocumentBuilder().addBearerAuth().build());
    expect(Object.keys(document.paths).sort()).toEqual([
      '/programme/teams/{teamId}',
      '/programme/teams/{teamId}/members',
      '/programme/teams/{teamId}/members/{sub}/end',
    ]);
    expect(Object.keys(document.paths['/programme/teams/{teamId}']?.put?.responses ?? {})).toEqual(expect.arrayContaining(['200', '201', '422']));
  });
});
