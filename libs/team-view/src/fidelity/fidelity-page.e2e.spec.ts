import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { AuthGuard, JwtVerifier, TOKEN_VERIFIER, issueToken, loadOrCreateSigningKey } from '@ips/access';
import { CLOCK } from '@ips/kernel';
import { ProblemFilter, applyHttpConventions, httpAdapter, readyHttpApp } from '@ips/http';
import { deliveriesOf } from '@ips/messaging/testing';
import { PgliteDriver } from '@ips/postgres';
import { TeamDirectory, createTeamDirectoryConsumer } from '@ips/team-directory';
import { TeamDirectoryTestModule } from '@ips/team-directory/testing';
import { enrolled } from '@ips/fidelity/testing';
import { createTeamViewConsumer } from '../team-view.projector';
import { TeamScopes } from '../team-scope';
import { TEAM_VIEW_DB } from '../team-view.tokens';
import { FidelityController, FidelityReader } from './fidelity.controller';

@Module({})
class TestAppModule {}

const PERIOD = 'from=2026-01-01&to=2026-03-31';
const participants = Array.from({ length: 5 }, (_, n) => `5b0a3c1e-7d2f-4e55-9a10-2f7c3b8d9e0${n}`);

interface Item {
  readonly item: string;
  readonly drivers: { participantId: string }[];
  readonly driversTotal: number;
  readonly withheldDrivers: number;
  readonly figures: Record<string, unknown>;
}

/** GET /team-view/fidelity over HTTP as a service serves it (auth guard, problem filter, validation), on PGlite; no team defined. */
describe('GET /team-view/fidelity, drivers in pages', () => {
  let db: PgliteDriver;
  let dataDir: string;
  let nest: NestFastifyApplication;
  let token: string;

  beforeAll(async () => {
    db = await PgliteDriver.open();
    await createTeamDirectoryConsumer(db);
    const consumer = await createTeamViewConsumer(db);
    // Five participants on es-ingrid's caseload: S1 names each of them.
    const events = participants.map((id, n) => enrolled(id, `2026-01-0${n + 2}`));
    await consumer.handleBatch(deliveriesOf(events, 1));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-fidelity-page-'));
    const key = await loadOrCreateSigningKey(dataDir);
    nest = await NestFactory.create<NestFastifyApplication>(
      {
        module: TestAppModule,
        imports: [TeamDirectoryTestModule.with(await TeamDirectory.open(db))],
        controllers: [FidelityController],
        providers: [
          FidelityReader,
          TeamScopes,
          { provide: TEAM_VIEW_DB, useValue: db },
          { provide: CLOCK, useValue: { now: () => new Date('2026-03-31T15:00:00.000Z') } },
          { provide: TOKEN_VERIFIER, useValue: JwtVerifier.forEmbeddedKey(key.publicKey) },
          { provide: APP_GUARD, useClass: AuthGuard },
          { provide: APP_FILTER, useClass: ProblemFilter },
        ],
      },
      httpAdapter(),
      { bodyParser: false, logger: false },
    );
    applyHttpConventions(nest);
    await readyHttpApp(nest);
    token = await issueToken(key, { sub: 'sup-1', agency: 'welfare-office', role: 'supervisor' });
  }, 60_000);

  afterAll(async () => {
    await nest.close();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = (query: string) => request(nest.getHttpServer()).get(`/team-view/fidelity?${query}`).set('Authorization', `Bearer ${token}`);
  const caseload = (body: { items: Item[] }) => body.items.find((item) => item.item === 'S1') as Item;
  const auditedPeople = async () =>
    (await db.query<{ participant_id: string }>("select distinct participant_id from tv_audit_log where action = 'read-fidelity' order by participant_id")).map(
      (row) => row.participant_id,
    );

  it('answers every driver on one page by default, next null', async () => {
    const { body } = await get(PERIOD).expect(200);
    expect(caseload(body)).toMatchObject({ driversTotal: 5, withheldDrivers: 0 });
    expect(caseload(body).drivers.map((driver) => driver.participantId)).toEqual(participants);
    expect(body.next).toBeNull();
  });

  it('answers a page of `limit` drivers per item from `offset`, the figures of everyone, and `next`; only the page is audited', async () => {
    await db.exec('delete from tv_audit_log');
    const first = (await get(`${PERIOD}&limit=2`).expect(200)).body;
    expect(caseload(first).drivers.map((driver) => driver.participantId)).toEqual(participants.slice(0, 2));
    expect(caseload(first)).toMatchObject({ driversTotal: 5, figures: expect.objectContaining({ activeParticipants: 5 }) });
    expect(first.next).toBe(2);
    expect(await auditedPeople()).toEqual(participants.slice(0, 2));
    const last = (await get(`${PERIOD}&limit=2&offset=4`).expect(200)).body;
    expect(caseload(last).drivers.map((driver) => driver.participantId)).toEqual(participants.slice(4));
    expect(last.next).toBeNull();
    const beyond = (await get(`${PERIOD}&offset=10`).expect(200)).body;
    expect(caseload(beyond)).toMatchObject({ drivers: [], driversTotal: 5 });
  });

  it.each(['limit=0', 'limit=501', 'limit=abc', 'limit=2.5', 'offset=-1', 'offset=x'])('refuses %s with 400 REQUEST.INVALID_QUERY', async (query) => {
    const response = await get(`${PERIOD}&${query}`).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID_QUERY' });
  });
});
