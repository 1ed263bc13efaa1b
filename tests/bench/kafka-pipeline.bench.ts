/**
 * The distributed profile over Kafka (librdkafka's mock cluster unless KAFKA_BROKERS is set), services
 * on the PostgreSQL server at DATABASE_URL:
 * 1. events per second from an agency's outbox to the team view's projections (outbox preloaded, then
 *    relay → Kafka → team-view consumer → tv_timeline, timed until the consumer has everything);
 * 2. command → visible in the team view: POST a referral through the gateway, poll the timeline until it
 *    answers 200; p50 / p99 over sequential commands.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { issueToken, loadOrCreateSigningKey } from '@ips/access';
import { contractKey } from '@ips/contracts';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { startOutboxRelay } from '@ips/messaging';
import { KafkaBus } from '@ips/messaging/kafka';
import { welfareOfficeEvent, MockKafkaCluster } from '@ips/messaging/testing';
import { PgDriver, ensureDatabase } from '@ips/postgres';
import {
  DISTRIBUTED_SERVICES,
  PlatformConfig,
  serviceDatabaseUrl,
  startDevIdentityProvider,
  keyStoreDatabaseUrl,
  startDistributedInProcess,
  compose,
} from '@ips/runtime';
import { uuidv7 } from '@ips/utils';

const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 20_000);
const COMMANDS = Number(process.env['BENCH_COMMANDS'] ?? 300);

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function dropDatabases(suffix: string): Promise<void> {
  const admin = new Client({ connectionString: DATABASE_URL });
  await admin.connect();
  for (const service of DISTRIBUTED_SERVICES) {
    const name = new URL(serviceDatabaseUrl(DATABASE_URL, service, suffix)).pathname.slice(1);
    await admin.query(`drop database if exists "${name}" with (force)`);
  }
  await admin.end();
}

async function outboxToProjection(config: PlatformConfig, suffix: string): Promise<{ perSecond: number; seconds: number }> {
  const agencyUrl = serviceDatabaseUrl(DATABASE_URL, 'welfare-office', `${suffix}_throughput`);
  await ensureDatabase(agencyUrl);
  const agencyDb = new PgDriver({ connectionString: agencyUrl, max: 4 });
  const store = await PostgresEventStore.open(agencyDb);
  // Preload: 5 shared events per participant, appended 100 participants per batch of concurrent appends.
  for (let p = 0; p < EVENTS / 5; p += 100) {
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        const participantId = randomUUID();
        const shared = Array.from({ length: 5 }, (_, n) =>
          welfareOfficeEvent(participantId, n, 'ParticipantContactRecorded', { contactedOn: '2026-01-01', mode: 'in-person', inCommunity: true }),
        );

        await store.append({
          streamId: `bench-${participantId}`,
          expectedVersion: 0,
          events: shared.map(() => ({ eventId: uuidv7(), type: 'ContactRecorded', data: {} })),
          outbox: shared.map((event) => ({ messageId: event.id, key: participantId, type: contractKey(event.type, 1), payload: event as never })),
        });
      }),
    );
  }
  const teamView = await compose(
    'distributed',
    { agencies: [], teamView: true },
    {
      ...config,
      port: 0,
      databaseUrl: serviceDatabaseUrl(DATABASE_URL, 'team-view', `${suffix}_throughput`),
      keyStoreUrl: keyStoreDatabaseUrl(DATABASE_URL, `${suffix}_throughput`),
    },
  );
  const bus = new KafkaBus({ brokers: config.kafkaBrokers, clientId: 'bench-relay', logLevel: 'nothing' });
  const started = Date.now();
  const relay = startOutboxRelay(store, bus, { source: 'welfare-office', batchSize: 500, pollIntervalMs: 50 });
  await relay.caughtUp();
  await teamView.settled();
  const seconds = (Date.now() - started) / 1000;
  await relay.stop();
  await bus.close();
  await teamView.close();
  await agencyDb.close();
  return { perSecond: EVENTS / seconds, seconds };
}

async function commandToVisible(config: PlatformConfig & { databaseUrl: string }, suffix: string): Promise<number[]> {
  const platform = await startDistributedInProcess(config, undefined, suffix);
  const token = await issueToken(await loadOrCreateSigningKey(config.dataDir), { sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
  const http = request(platform.app.getHttpServer());
  const latencies: number[] = [];
  for (let i = 0; i < COMMANDS + 10; i++) {
    const started = process.hrtime.bigint();
    const referral = await http
      .post('/welfare-office/referrals')
      .set('authorization', `Bearer ${token}`)
      .send({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'bench' });
    if (referral.status !== 201) throw new Error(`referral answered ${referral.status}`);
    for (;;) {
      const timeline = await http.get(`/team-view/participants/${referral.body.participantId}/timeline`).set('authorization', `Bearer ${token}`);
      if (timeline.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (i >= 10) latencies.push(Number(process.hrtime.bigint() - started) / 1e6); // the first 10 warm up
  }
  await platform.close();
  return latencies.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const cluster = process.env['KAFKA_BROKERS'] ? null : await MockKafkaCluster.start();
  const brokers = cluster ? cluster.brokers : (process.env['KAFKA_BROKERS'] as string).split(',');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-bench-'));
  const suffix = `_bench_${randomBytes(3).toString('hex')}`;
  const identity = await startDevIdentityProvider(dataDir);
  const config = { port: 0, dataDir, databaseUrl: DATABASE_URL, identityProviders: [identity.provider], minimumHourlyWage: 200, kafkaBrokers: brokers };
  try {
    const throughput = await outboxToProjection(config, suffix);
    const latencies = await commandToVisible(config, suffix);
    console.log(
      `\n# distributed profile over Kafka (${cluster ? 'librdkafka mock cluster' : `KAFKA_BROKERS=${brokers.join(',')}`}), PostgreSQL server per service`,
    );
    console.log(`# ${new Date().toISOString()} | ${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''} | node ${process.version}`);
    console.log('| measure | value |');
    console.log('|---|---:|');
    console.log(`| outbox → team-view projection, ${EVENTS} events | ${Math.round(throughput.perSecond)} events/s (${throughput.seconds.toFixed(1)} s) |`);
    console.log(
      `| command → visible in the team view, p50 (${latencies.length} sequential referrals via the gateway) | ${percentile(latencies, 50).toFixed(0)} ms |`,
    );
    console.log(`| command → visible in the team view, p99 | ${percentile(latencies, 99).toFixed(0)} ms |`);
  } finally {
    await identity.close();
    await cluster?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await dropDatabases(`${suffix}_throughput`).catch(() => undefined);
    await dropDatabases(suffix).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
