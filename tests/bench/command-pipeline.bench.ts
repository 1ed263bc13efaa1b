/**
 * Commands per second through the command pipeline (read → fold → decide → append), 8 writers at once:
 * each on its own participant, and all on one participant (two staff saving at the same moment, times eight).
 * On the PostgreSQL server at DATABASE_URL and on PGlite. A failed command is counted, not retried.
 */
import os from 'node:os';
import { Client } from 'pg';
import { ContractRegistry } from '@ips/contracts';
import { CommandPipeline } from '@ips/command-pipeline';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { PersonalData, PostgresKeyStore } from '@ips/personal-data';
import { PgDriver, PgliteDriver, SqlDriver } from '@ips/postgres';
import { measurePipeline } from './pipeline-load';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const WRITERS = 8;

const measure = (pipeline: CommandPipeline, oneStream: boolean) => measurePipeline(pipeline, { writers: WRITERS, seconds: SECONDS, oneStream });

async function serverDriver(): Promise<SqlDriver> {
  const admin = new Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query('drop database if exists ips_bench_pipeline with (force)');
  await admin.query('create database ips_bench_pipeline');
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.pathname = '/ips_bench_pipeline';
  return new PgDriver({ connectionString: url.toString(), max: 10 });
}

async function main(): Promise<void> {
  console.log(`# commands/s through the command pipeline, ${WRITERS} writers, ${SECONDS}s a cell`);
  console.log(`# ${new Date().toISOString()} | ${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''} | node ${process.version}`);
  console.log('| engine | writers on | commands/s | p50 ms | p99 ms | failed |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const [engine, open] of [
    ['PostgreSQL server', serverDriver],
    ['PGlite', () => PgliteDriver.open()],
  ] as const) {
    const driver = await open();
    const store = await PostgresEventStore.open(driver);
    const pipeline = new CommandPipeline(store, new PersonalData(await PostgresKeyStore.open(driver)), { registry: new ContractRegistry([]) });
    await measure(pipeline, false); // warm-up: schema, pools, plans
    for (const oneStream of [false, true]) {
      const cell = await measure(pipeline, oneStream);
      const where = oneStream ? 'one participant' : 'a participant each';
      console.log(`| ${engine} | ${where} | ${Math.round(cell.perSecond)} | ${cell.p50.toFixed(1)} | ${cell.p99.toFixed(1)} | ${cell.failed} |`);
    }
    await driver.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
