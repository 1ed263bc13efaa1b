/**
 * Commands per second through the command pipeline (read → fold → decide → append), 8 writers at once:
 * each on its own participant, and all on one participant (two staff saving at the same moment, times eight).
 * On the PostgreSQL server at DATABASE_URL and on PGlite. A failed command is counted, not retried.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Client } from 'pg';
import { ContractRegistry } from '@ips/contracts';
import { CommandPipeline, Slice } from '@ips/command-pipeline';
import { PostgresEventStore } from '@ips/event-store';
import { PersonalData, PostgresKeyStore } from '@ips/personal-data';
import { PgDriver, PgliteDriver, SqlDriver } from '@ips/postgres';
import { Command, DomainEvent, accept } from '@ips/utils';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const WRITERS = 8;

type Noted = DomainEvent<'Noted', { participantId: string; count: number }>;
const slice: Slice<number, Noted> = {
  aggregate: { category: 'bench.notes', initialState: 0, evolve: (count) => count + 1 },
  toShared: () => [],
};
const note = (): Command<'Note', object> => ({
  type: 'Note',
  data: {},
  metadata: { actor: { sub: 'es-1', agency: 'welfare-office', role: 'employment-specialist' }, correlationId: randomUUID(), now: new Date().toISOString() },
});

interface Cell {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
}

async function measure(pipeline: CommandPipeline, oneStream: boolean): Promise<Cell> {
  const shared = randomUUID();
  const latencies: number[] = [];
  let failed = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      const own = randomUUID();
      const id = oneStream ? shared : own;
      while (Date.now() < deadline) {
        const t0 = process.hrtime.bigint();
        try {
          await pipeline.run(slice, id, note(), (_, count) => accept<Noted>({ type: 'Noted', data: { participantId: id, count: count + 1 } }));
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch {
          failed++;
        }
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), failed };
}

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
    const pipeline = new CommandPipeline(store, new PersonalData(await PostgresKeyStore.open(driver)), new ContractRegistry([]));
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
