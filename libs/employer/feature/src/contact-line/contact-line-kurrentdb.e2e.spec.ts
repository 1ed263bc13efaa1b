import { CommandBus } from '@nestjs/cqrs';
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { AuthGuard, JwtVerifier, TOKEN_VERIFIER, WORK_NEED, issueToken, loadOrCreateSigningKey, oneTeamWorkNeed } from '@ips/access';
import { CLOCK } from '@ips/kernel';
import { CommandPipeline } from '@ips/command-pipeline';
import { FeatureTestApp } from '@ips/command-pipeline/testing';
import { EVENT_STORE } from '@ips/event-store';
import { KurrentDbEventStore } from '@ips/event-store/kurrentdb';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { InMemoryKurrentDb } from '@ips/event-store/testing';
import { ProblemFilter, applyHttpConventions, httpAdapter, readyHttpApp } from '@ips/http';
import { SERVICE_DATABASE } from '@ips/messaging';
import { PERSONAL_DATA, PersonalData, PostgresKeyStore } from '@ips/personal-data';
import { PgliteDriver, SqlDriver } from '@ips/postgres';
import { EmployerModule } from '../index';
import { noProgrammeTeams } from './programme-teams.port';
import { employerWorld } from '../testing/employer-world';

@Module({})
class KurrentEmployerServiceModule {}

/** What the runtime gives an agency service: its event store (here KurrentDB) and, apart from it, its own SQL database. */
@Global()
@Module({})
class KurrentInfrastructureModule {
  static with(providers: { provide: unknown; useValue: unknown }[]): DynamicModule {
    return { module: KurrentInfrastructureModule, providers: providers as never, exports: providers.map((provider) => provider.provide) as never };
  }
}

/** The employer service with its events in KurrentDB (an in-memory stand-in for a server) and its SQL database in PGlite. */
async function startEmployerServiceOnKurrentDb(kurrent: KurrentDbEventStore, db: SqlDriver, dataDir: string): Promise<FeatureTestApp> {
  const key = await loadOrCreateSigningKey(dataDir);
  const personalData = new PersonalData(await PostgresKeyStore.open(db));
  const pipeline = new CommandPipeline(kurrent, personalData);
  let now = new Date('2026-03-02T21:00:00.000Z');
  const clock = { now: () => new Date(now), set: (at: string | Date) => void (now = new Date(at)) };
  const nest = await NestFactory.create<NestFastifyApplication>(
    {
      module: KurrentEmployerServiceModule,
      imports: [
        KurrentInfrastructureModule.with([
          { provide: EVENT_STORE, useValue: kurrent },
          { provide: SERVICE_DATABASE, useValue: db },
          { provide: CommandPipeline, useValue: pipeline },
          { provide: PERSONAL_DATA, useValue: personalData },
          { provide: TOKEN_VERIFIER, useValue: JwtVerifier.forEmbeddedKey(key.publicKey) },
          { provide: CLOCK, useValue: clock },
          { provide: WORK_NEED, useValue: oneTeamWorkNeed },
        ]),
        EmployerModule.withConfig({ minimumHourlyWage: 200 }, { teams: { useValue: noProgrammeTeams } }),
      ],
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
    nest,
    http: () => request(nest.getHttpServer()),
    store: kurrent as unknown as PostgresEventStore, // the world helpers never read it
    pipeline,
    commands: nest.get(CommandBus),
    personalData,
    clock,
    token: (claims) => issueToken(key, claims),
    close: () => nest.close(),
  };
}

describe('an employer service whose events are in KurrentDB keeps its 24/7 contact line', () => {
  let dataDir: string;
  // One service: its KurrentDB and its own database, fresh for each test.
  let db: PgliteDriver;
  let app: FeatureTestApp | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-employer-kurrentdb-'));
  });
  beforeEach(async () => {
    db = await PgliteDriver.open();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await db?.close();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given a placement started a moment ago, when its employer submits a request, then the request is in the line’s list for the employer and the team', async () => {
    app = await startEmployerServiceOnKurrentDb(new InMemoryKurrentDb().store(), db, dataDir);
    const world = employerWorld(app);
    const placement = await world.placement();
    const hr = await world.employer(placement.employerId);

    const submitted = await world.post('/employer/contact-requests', world.request(placement.placementId), hr).expect(202);

    const requestId = submitted.body.requestId as string;
    const forEmployer = await world.get('/employer/contact-requests', hr).expect(200);
    expect(forEmployer.body.requests.map((r: { requestId: string; status: string }) => [r.requestId, r.status])).toEqual([[requestId, 'received']]);
    const forTeam = await world.get('/employer/contact-requests', await world.staff()).expect(200);
    expect(forTeam.body.requests.map((r: { requestId: string }) => r.requestId)).toContain(requestId);
  });

  it('given the service restarted on the same KurrentDB and database, when a request is submitted, then the list has both, once each', async () => {
    const kurrent = new InMemoryKurrentDb();
    app = await startEmployerServiceOnKurrentDb(kurrent.store(), db, dataDir);
    let world = employerWorld(app);
    const placement = await world.placement();
    const hr = await world.employer(placement.employerId);
    const first = (await world.post('/employer/contact-requests', world.request(placement.placementId), hr).expect(202)).body.requestId as string;
    await app.close();

    app = await startEmployerServiceOnKurrentDb(kurrent.store(), db, dataDir);
    world = employerWorld(app);
    const second = (await world.post('/employer/contact-requests', world.request(placement.placementId), hr).expect(202)).body.requestId as string;

    const listed = await world.get('/employer/contact-requests', hr).expect(200);
    expect(listed.body.requests.map((r: { requestId: string }) => r.requestId).sort()).toEqual([first, second].sort());
  });

  it('still refuses bad input (400) and an unknown placement (404)', async () => {
    app = await startEmployerServiceOnKurrentDb(new InMemoryKurrentDb().store(), db, dataDir);
    const world = employerWorld(app);
    const placement = await world.placement();
    const hr = await world.employer(placement.employerId);

    const unknownField = await world.post('/employer/contact-requests', world.request(placement.placementId, { diagnosis: 'F20' }), hr).expect(400);
    expect(unknownField.body.errors.map((error: { field: string }) => error.field)).toContain('diagnosis');
    const missing = await world.post('/employer/contact-requests', world.request('0b9c1b7e-2f4a-4c3e-9a55-2d0c8f1e7a10'), hr).expect(404);
    expect(missing.body.code).toBe('PLACEMENT.NOT_FOUND');
  });
});
