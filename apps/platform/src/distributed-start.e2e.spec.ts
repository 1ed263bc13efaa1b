import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { MockKafkaCluster, describeWithKafka } from '@ips/messaging/testing';
import { ensureDatabase } from '@ips/postgres';
import { DISTRIBUTED_SERVICES, serviceDatabaseUrl, startDistributedInProcess } from '@ips/runtime';
import { distributedTestConfig } from './testing/distributed-harness';
import { TestClock } from './testing/platform-harness';

const serverUrl = (database: string): string =>
  Object.assign(new URL(process.env['DATABASE_URL'] ?? 'postgres://localhost/postgres'), { pathname: `/${database}` }).toString();

async function onServer<T>(work: (admin: Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const admin = new Client({ connectionString: serverUrl(database) });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * The distributed profile in one process starts its services side by side. When one of them cannot start, the start
 * fails with its error and leaves none of the others running: the caller has nothing to close.
 */
describeWithKafka(
  'a distributed start in one process that fails part-way',
  () => {
    jest.setTimeout(120_000);
    const deployment = `start_fails_${randomBytes(3).toString('hex')}`;
    let cluster: MockKafkaCluster;
    let dataDir: string;

    beforeAll(async () => {
      cluster = await MockKafkaCluster.start();
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-start-fails-'));
    });
    afterAll(async () => {
      await cluster?.stop();
      await rm(dataDir, { recursive: true, force: true });
      await onServer(async (admin) => {
        const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${deployment}_%`]);
        for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
      });
    });

    it("answers with the municipality service's error and closes the services that had started", async () => {
      const { config, identity } = await distributedTestConfig(dataDir, serverUrl(deployment), cluster.brokers);
      try {
        // The municipality's database keeps its migrations' record in a table of another shape: it cannot start.
        const municipality = serviceDatabaseUrl(config.databaseUrl, 'municipality');
        await ensureDatabase(municipality);
        await onServer((client) => client.query('create table schema_migrations (applied text)'), new URL(municipality).pathname.slice(1));

        await expect(startDistributedInProcess(config, new TestClock(new Date('2026-03-02T09:00:00.000Z')))).rejects.toThrow(/version/);

        // The services that started (all but the municipality and the employer, which waits for its address) hold no
        // connection to their databases any more.
        const started = DISTRIBUTED_SERVICES.filter((service) => service !== 'municipality' && service !== 'employer');
        const databases = started.map((service) => new URL(serviceDatabaseUrl(config.databaseUrl, service)).pathname.slice(1));
        const created = await onServer(
          async (admin) => (await admin.query<{ datname: string }>('select datname from pg_database where datname = any($1::text[])', [databases])).rows,
        );
        expect(created.map((row) => row.datname).sort()).toEqual([...databases].sort());
        const sessions = await onServer(
          async (admin) => (await admin.query<{ datname: string }>('select datname from pg_stat_activity where datname = any($1::text[])', [databases])).rows,
        );
        expect(sessions).toEqual([]);
      } finally {
        await identity.close();
      }
    });
  },
  { databaseServer: true },
);
