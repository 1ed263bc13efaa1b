/**
 * Appends per second on the PostgreSQL server at DATABASE_URL: our store (group commit) against
 * @event-driven-io/emmett-postgresql (one transaction per append), same server, same run, one event per
 * append, 1 and 8 concurrent writers. Each engine gets a fresh database of its own.
 */
import os from 'node:os';
import { Client } from 'pg';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { PgDriver } from '@ips/postgres';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { uuidv7 } from '@ips/utils';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const EVENTS_PER_STREAM = 50;

type AppendOne = (writer: number, stream: number, version: number) => Promise<void>;

interface Engine {
  readonly name: string;
  readonly appendOne: AppendOne;
  readonly close: () => Promise<void>;
}

async function freshDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function ours(): Promise<Engine> {
  const driver = new PgDriver({ connectionString: await freshDatabase('ips_bench_ours'), max: 10 });
  const store = await PostgresEventStore.open(driver);
  return {
    name: 'ips event store (group commit)',
    appendOne: async (writer, stream, version) => {
      await store.append({
        streamId: `bench-${writer}-${stream}`,
        expectedVersion: version,
        events: [{ eventId: uuidv7(), type: 'BenchmarkEventRecorded', data: { writer, version } }],
      });
    },
    close: () => driver.close(),
  };
}

async function emmett(): Promise<Engine> {
  const store = getPostgreSQLEventStore(await freshDatabase('ips_bench_emmett'));
  return {
    name: '@event-driven-io/emmett-postgresql 0.42',
    appendOne: async (writer, stream, version) => {
      await store.appendToStream(`bench-${writer}-${stream}`, [{ type: 'BenchmarkEventRecorded', data: { writer, version } }], {
        expectedStreamVersion: version === 0 ? STREAM_DOES_NOT_EXIST : BigInt(version),
      });
    },
    close: () => store.close(),
  };
}

async function measure(engine: Engine, writers: number, seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  let appends = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      let stream = Math.floor(Math.random() * 1e9);
      let version = 0;
      while (Date.now() < deadline) {
        await engine.appendOne(writer, stream, version);
        appends++;
        version++;
        if (version === EVENTS_PER_STREAM) {
          stream++;
          version = 0;
        }
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return appends / elapsed;
}

async function main(): Promise<void> {
  const probe = new Client({ connectionString: DATABASE_URL });
  await probe.connect();
  const settings = await probe.query(`select version() as version, current_setting('synchronous_commit') as sc, current_setting('fsync') as fsync`);
  await probe.end();
  const { version, sc, fsync } = settings.rows[0] as { version: string; sc: string; fsync: string };
  if (sc !== 'on') throw new Error(`synchronous_commit is ${sc}; the benchmark needs it on`);

  // Both engines stay open and take turns, round by round, in alternating order: drift on a shared
  // machine (checkpoints, autovacuum, neighbours) then falls on both alike. Each cell is the median.
  const engines = [await emmett(), await ours()];
  for (const engine of engines) await measure(engine, 8, 1); // warm-up: schema, pools, plans
  const samples = new Map<string, Record<number, number[]>>(engines.map((engine) => [engine.name, { 1: [], 8: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? engines : [...engines].reverse();
    for (const writers of [1, 8]) {
      for (const engine of order) samples.get(engine.name)?.[writers]?.push(await measure(engine, writers, SECONDS));
    }
  }
  for (const engine of engines) await engine.close();
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  const results: Record<string, Record<number, number>> = {};
  for (const [name, cells] of samples) results[name] = { 1: median(cells[1] ?? []), 8: median(cells[8] ?? []) };

  console.log(`# event store appends/s, one event per append; median of ${ROUNDS} alternating rounds of ${SECONDS}s`);
  console.log(`# ${new Date().toISOString()} | ${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''} | node ${process.version}`);
  console.log(`# ${version.split(' on ')[0]} | synchronous_commit=${sc} fsync=${fsync}`);
  console.log('| engine | 1 writer | 8 writers | 8 writers, each round |');
  console.log('|---|---:|---:|---|');
  for (const [name, row] of Object.entries(results)) {
    const all = samples.get(name);
    const spread = (writers: number): string => (all?.[writers] ?? []).map((value) => Math.round(value)).join(' ');
    console.log(`| ${name} | ${Math.round(row[1] ?? 0)} | ${Math.round(row[8] ?? 0)} | ${spread(8)} |`);
  }
  const ourName = Object.keys(results)[1] as string;
  const emmettName = Object.keys(results)[0] as string;
  const ratio = (results[ourName]?.[8] ?? 0) / (results[emmettName]?.[8] ?? 1);
  console.log(`ratio_vs_emmett_8_writers=${ratio.toFixed(2)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
