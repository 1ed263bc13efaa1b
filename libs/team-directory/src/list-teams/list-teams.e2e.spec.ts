import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { AuthGuard, JwtVerifier, TOKEN_VERIFIER, TokenClaims, issueToken, loadOrCreateSigningKey } from '@ips/access';
import { CLOCK } from '@ips/kernel';
import { ProblemFilter, applyHttpConventions, httpAdapter, readyHttpApp } from '@ips/http';
import { KnownTeamEvent } from '@ips/contracts';
import { CheckpointedConsumer } from '@ips/messaging';
import { PgliteDriver } from '@ips/postgres';
import { TeamDirectory } from '../team-directory';
import { createTeamDirectoryConsumer } from '../team-directory.consumer';
import { TeamDirectoryModule } from '../team-directory.module';
import { TeamDirectoryTestModule, deliveriesOf, teamEvents } from '../testing';

const { defined, added, ended } = teamEvents;

/** What the service gives the module besides the directory: the token check, a clock a test moves. */
@Global()
@Module({})
class ServiceStandIn {
  static with(verifier: JwtVerifier, clock: { now(): Date }): DynamicModule {
    const providers = [
      { provide: TOKEN_VERIFIER, useValue: verifier },
      { provide: CLOCK, useValue: clock },
    ];
    return { module: ServiceStandIn, providers, exports: providers.map((provider) => provider.provide) };
  }
}

@Module({})
class TestAppModule {}

/**
 * The module over HTTP as a service serves it: the auth guard and its access policy, the problem filter, the edge's
 * conventions (validation pipe included), tokens signed with a key of the test's own.
 */
async function startApp(directory: TeamDirectory, now: string) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-team-directory-'));
  const key = await loadOrCreateSigningKey(dataDir);
  let current = new Date(now);
  const clock = { now: () => new Date(current) };
  const nest = await NestFactory.create<NestFastifyApplication>(
    {
      module: TestAppModule,
      imports: [ServiceStandIn.with(JwtVerifier.forEmbeddedKey(key.publicKey), clock), TeamDirectoryTestModule.with(directory), TeamDirectoryModule],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    },
    httpAdapter(),
    { bodyParser: false, logger: false },
  );
  applyHttpConventions(nest);
  await readyHttpApp(nest);
  return {
    http: () => request(nest.getHttpServer()),
    token: (claims: TokenClaims) => issueToken(key, claims),
    setClock: (at: string) => (current = new Date(at)),
    close: async () => {
      await nest.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describe('GET /programme/teams, from the team directory', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let db: PgliteDriver;
  let consumer: CheckpointedConsumer;
  let position = 1;
  const trondheim = randomUUID();
  const bergen = randomUUID();

  const deliver = async (...events: KnownTeamEvent[]): Promise<void> => {
    await consumer.handleBatch(deliveriesOf(events, position));
    position += events.length;
  };

  const teams = async (claims: TokenClaims, query = '') => {
    const { body } = await app
      .http()
      .get(`/programme/teams${query}`)
      .set('Authorization', `Bearer ${await app.token(claims)}`)
      .expect(200);
    return body as {
      teams: { teamId: string; name: string; today: string; history: boolean; members: { sub: string; from: string; until: string | null }[] }[];
    };
  };
  const subs = (team: { members: { sub: string; until: string | null }[] } | undefined) =>
    team?.members.map(({ sub, until }) => `${sub}${until ? ` until ${until}` : ''}`);

  const administrator = { sub: 'adm-1', agency: 'programme', role: 'administrator' } as const;
  const coordinator = { sub: 'coord-1', agency: 'programme', role: 'coordinator' } as const;
  const ingrid = { sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' } as const;
  const anne = { sub: 'sup-anne', agency: 'welfare-office', role: 'supervisor' } as const;

  beforeAll(async () => {
    db = await PgliteDriver.open();
    consumer = await createTeamDirectoryConsumer(db);
    const directory = await TeamDirectory.open(db);
    app = await startApp(directory, '2026-03-02T09:00:00.000Z');
    await deliver(
      defined(trondheim, { name: 'IPS Trondheim sentrum', timeZone: 'Europe/Oslo' }),
      defined(bergen, { name: 'IPS Bergen', municipality: 'Bergen', timeZone: 'Europe/Oslo' }),
      added(trondheim, 'sup-anne', { displayName: 'Anne Berg', role: 'supervisor', from: '2026-01-01' }),
      added(trondheim, 'es-ingrid', { displayName: 'Ingrid Solberg', from: '2026-01-05' }),
      added(trondheim, 'cw-ola', { displayName: 'Ola Nordmann', role: 'caseworker', from: '2026-01-05' }),
      ended(trondheim, 'cw-ola', '2026-02-01'),
      added(trondheim, 'es-ny', { displayName: 'Nora Ny', from: '2026-04-01' }),
      added(bergen, 'es-ingrid', { displayName: 'Ingrid Solberg', from: '2026-02-01' }),
      added(bergen, 'sup-bo', { displayName: 'Bo Lie', agency: 'mental-health', role: 'supervisor', from: '2026-01-01' }),
    );
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it("given the programme's administrator, then every team by name, each with its current members by name", async () => {
    const { teams: all } = await teams(administrator);
    expect(all.map(({ name, today, history }) => [name, today, history])).toEqual([
      ['IPS Bergen', '2026-03-02', false],
      ['IPS Trondheim sentrum', '2026-03-02', false],
    ]);
    expect(all[1]).toEqual({
      teamId: trondheim,
      name: 'IPS Trondheim sentrum',
      municipality: 'Trondheim',
      timeZone: 'Europe/Oslo',
      today: '2026-03-02',
      history: false,
      members: [
        { sub: 'sup-anne', displayName: 'Anne Berg', agency: 'welfare-office', role: 'supervisor', from: '2026-01-01', until: null },
        { sub: 'es-ingrid', displayName: 'Ingrid Solberg', agency: 'welfare-office', role: 'employment-specialist', from: '2026-01-05', until: null },
      ],
    });
  });

  it('given the administrator asking for the history, then ended and coming periods too', async () => {
    const { teams: all } = await teams(administrator, '?history=true');
    expect(all.map((team) => team.history)).toEqual([true, true]);
    expect(subs(all[1])).toEqual(['sup-anne', 'es-ingrid', 'es-ny', 'cw-ola until 2026-02-01']);
  });

  it('given a coordinator, then every team with its current members, never the history', async () => {
    const { teams: all } = await teams(coordinator, '?history=true');
    expect(all.map(({ name, history }) => [name, history])).toEqual([
      ['IPS Bergen', false],
      ['IPS Trondheim sentrum', false],
    ]);
    expect(subs(all[1])).toEqual(['sup-anne', 'es-ingrid']);
  });

  it('given a member of two teams, then both, current members only even when asking for the history', async () => {
    const { teams: mine } = await teams(ingrid, '?history=true');
    expect(mine.map(({ name, history }) => [name, history])).toEqual([
      ['IPS Bergen', false],
      ['IPS Trondheim sentrum', false],
    ]);
    expect(subs(mine[0])).toEqual(['sup-bo', 'es-ingrid']);
  });

  it('given a supervisor, then their team, with its history when asked', async () => {
    expect((await teams(anne)).teams.map(({ name, history }) => [name, history])).toEqual([['IPS Trondheim sentrum', false]]);
    const { teams: supervised } = await teams(anne, '?history=true');
    expect(supervised.map(({ name, history }) => [name, history])).toEqual([['IPS Trondheim sentrum', true]]);
    expect(subs(supervised[0])).toContain('cw-ola until 2026-02-01');
  });

  it('given staff on no team, someone whose membership ended, or the same subject at another agency, then no teams', async () => {
    expect(await teams({ sub: 'cl-nobody', agency: 'mental-health', role: 'clinician' })).toEqual({ teams: [] });
    expect(await teams({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' })).toEqual({ teams: [] });
    expect(await teams({ sub: 'es-ingrid', agency: 'municipality', role: 'municipal-worker' })).toEqual({ teams: [] });
  });

  it("given an instant just after midnight in the team's time zone, then who is current is read on the team's day", async () => {
    app.setClock('2026-03-31T22:30:00.000Z'); // 00:30 on 1 April in Oslo
    try {
      const { teams: all } = await teams(administrator);
      expect(all[1]?.today).toBe('2026-04-01');
      expect(subs(all[1])).toEqual(['sup-anne', 'es-ingrid', 'es-ny']);
    } finally {
      app.setClock('2026-03-02T09:00:00.000Z');
    }
  });

  it('given a change delivered, then the next read shows it', async () => {
    await deliver(ended(bergen, 'es-ingrid', '2026-03-02'));
    expect((await teams(ingrid)).teams.map((team) => team.name)).toEqual(['IPS Trondheim sentrum']);
  });

  it('refuses a history that is not true or false, unknown parameters, no token, and employers', async () => {
    const token = await app.token(administrator);
    const get = (query: string) => app.http().get(`/programme/teams${query}`).set('Authorization', `Bearer ${token}`);
    expect((await get('?history=yes').expect(400)).body).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'history' }] });
    await get('?team=x').expect(400);
    await app.http().get('/programme/teams').expect(401);
    const employer = await app.token({ sub: 'hr-kari', agency: 'employer', role: 'employer', employerId: randomUUID() });
    await app.http().get('/programme/teams').set('Authorization', `Bearer ${employer}`).expect(403);
  });
});
