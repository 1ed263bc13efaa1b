/**
 * Generation, projection and reads at size, reusable by the bench and its int test: a fresh database on the
 * PostgreSQL server (or a PGlite data directory: openCountryStore), the country written through the real append
 * (generate.ts), projected in bulk (project.ts), and the embedded platform started on it: in a process of its own for
 * the bench (startPlatformProcess), in this one for the test (startOn).
 */
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { TokenClaims, issueToken, loadOrCreateSigningKey } from '@ips/access';
import { Clock } from '@ips/kernel';
import { RunningPlatform, startPlatform } from '../../apps/platform/src/platform';
import { GenerateOptions, GenerateResult, generateCountry } from './generate';
import type { CountryPlan } from './plan';
import type { PlatformMessage, PlatformRequest, PlatformTask } from './platform-worker';
import type { ProjectionResult } from './project';

export interface ScaleDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** Statements on the server's maintenance database (`serverUrl`), one after another. */
async function onServer(serverUrl: string, statements: readonly string[]): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

const dropStatements = (database: string): string[] => [
  `drop database if exists ${database} with (force)`,
  `drop database if exists ${database}_keys with (force)`,
];

/** `bench_scale_<name>` and its `_keys` database on DATABASE_URL's server, created empty. */
export async function freshDatabase(serverUrl: string, name: string): Promise<ScaleDatabase> {
  const database = `bench_scale_${name}`;
  await onServer(serverUrl, [...dropStatements(database), `create database ${database}`]);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return { name: database, url: url.toString(), drop: () => onServer(serverUrl, dropStatements(database)) };
}

/** The engine a country is on: a PostgreSQL server's database, or PGlite in the embedded platform's data directory. */
export type Engine = 'server' | 'pglite';

/** What generated a country (the plan is made again from it: the same ids, so the same reads) and what it took. */
export interface GeneratedRecord {
  /** planCountry's inputs and a fingerprint of its output (team count, the first team's size and id, the first and last participant). */
  readonly plan: { readonly participants: number; readonly seed: number; readonly end: string; readonly fingerprint: string };
  readonly at: string;
  readonly generated: Omit<GenerateResult, 'plan'>;
  readonly projection: ProjectionResult;
}

export const planFingerprint = (plan: CountryPlan): string =>
  [
    plan.teams.length,
    plan.participantsOf(0).to,
    plan.teams[0]?.teamId,
    plan.participant(0).participantId,
    plan.participant(plan.participantCount - 1).participantId,
  ].join(':');

/** A size's country: where it is, how the platform, the generator and the projection open it, and an earlier run's record. */
export interface CountryStore {
  readonly engine: Engine;
  /** The database's name, or the data directory. */
  readonly where: string;
  /** openDatabase's (and generateCountry's) configuration: the server's database, or PGlite in `dataDir`. */
  readonly target: { readonly databaseUrl?: string; readonly dataDir?: string };
  /** The earlier run's record when it was asked for (reuse) and the country is there, complete, of the same plan. */
  readonly reused: GeneratedRecord | null;
  /** Marks the country complete (generated and projected), for a later run to reuse. */
  record(record: GeneratedRecord): Promise<void>;
  drop(): Promise<void>;
}

/** The record table in a bench database on the server (PGlite's is a file in its data directory). */
const RECORD_TABLE = 'bench_scale_generated';
const RECORD_FILE = 'bench-scale.json';

/**
 * The country of `participants` on `engine`: `bench_scale_<participants>` (and its _keys) on DATABASE_URL's server, or
 * PGlite in `<pgliteRoot>/<participants>` (dataDir/pglite, dataDir/data-keys: the embedded platform's layout). With
 * `reuse`, an earlier run's country of the same plan is kept as it is (`reused`); otherwise, or when there is none,
 * whatever is there is dropped and the store starts empty.
 */
export async function openCountryStore(options: {
  readonly engine: Engine;
  readonly serverUrl: string;
  readonly pgliteRoot: string;
  readonly participants: number;
  readonly plan: GeneratedRecord['plan'];
  readonly reuse: boolean;
}): Promise<CountryStore> {
  // Field by field: jsonb does not keep the keys' order.
  const matches = (record: GeneratedRecord | null): GeneratedRecord | null => {
    const earlier = record?.plan;
    const wanted = options.plan;
    return earlier &&
      earlier.participants === wanted.participants &&
      earlier.seed === wanted.seed &&
      earlier.end === wanted.end &&
      earlier.fingerprint === wanted.fingerprint
      ? record
      : null;
  };
  if (options.engine === 'pglite') {
    const dataDir = path.join(options.pgliteRoot, String(options.participants));
    const file = path.join(dataDir, RECORD_FILE);
    const earlier = options.reuse
      ? matches(
          await readFile(file, 'utf8').then(
            (text) => JSON.parse(text) as GeneratedRecord,
            () => null,
          ),
        )
      : null;
    if (!earlier) {
      await rm(dataDir, { recursive: true, force: true });
      await mkdir(dataDir, { recursive: true });
    }
    return {
      engine: 'pglite',
      where: dataDir,
      target: { dataDir },
      reused: earlier,
      record: (record) => writeFile(file, JSON.stringify(record, null, 2)),
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `bench_scale_${options.participants}`;
  const url = Object.assign(new URL(options.serverUrl), { pathname: `/${name}` }).toString();
  const earlier = options.reuse ? matches(await serverRecord(options.serverUrl, name, url)) : null;
  if (!earlier) await freshDatabase(options.serverUrl, String(options.participants));
  return {
    engine: 'server',
    where: name,
    target: { databaseUrl: url },
    reused: earlier,
    record: async (record) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create table if not exists ${RECORD_TABLE} (id int primary key, record jsonb not null)`);
        await client.query(`insert into ${RECORD_TABLE} (id, record) values (1, $1) on conflict (id) do update set record = excluded.record`, [
          JSON.stringify(record),
        ]);
      } finally {
        await client.end();
      }
    },
    drop: () => onServer(options.serverUrl, dropStatements(name)),
  };
}

/** The record in `name` on the server, if that database and its record are there. */
async function serverRecord(serverUrl: string, name: string, url: string): Promise<GeneratedRecord | null> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rows.length === 0) return null;
  } finally {
    await admin.end();
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ record: GeneratedRecord; events: string | null }>(
      `select record, (select events from es_counters where id = 1) as events from ${RECORD_TABLE} where id = 1`,
    );
    const row = rows[0];
    // The events are still there (a database emptied by hand is not reused).
    return row && Number(row.events ?? 0) >= row.record.generated.events ? row.record : null;
  } catch {
    return null; // no record table: generated before records were kept, or never finished
  } finally {
    await client.end();
  }
}

/** The platform on a generated country, wherever it runs. */
export interface PlatformOnCountry {
  readonly url: string;
  token(claims: TokenClaims): Promise<string>;
  /** The platform process's peak RSS so far (bytes). */
  peakRss(): Promise<number>;
  /** Stops it; answers its peak RSS. */
  close(): Promise<number>;
}

/** The platform in a process of its own, which also runs statements on its own database driver (PGlite has no other way in). */
export interface PlatformProcess extends PlatformOnCountry {
  query<R extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/**
 * In this process (the int test): the platform and the test share its RSS. On a server's database (files in a
 * temporary directory), or on PGlite in `{ dataDir }` (kept).
 */
export async function startOn(
  target: string | { readonly dataDir: string },
  clock?: Clock,
): Promise<PlatformOnCountry & { readonly platform: RunningPlatform }> {
  const temporary = typeof target === 'string' ? await mkdtemp(path.join(os.tmpdir(), 'bench-scale-')) : undefined;
  const dataDir = temporary ?? (target as { dataDir: string }).dataDir;
  const platform = await startPlatform(
    { port: 0, dataDir, ...(typeof target === 'string' ? { databaseUrl: target } : {}), identityProviders: [], minimumHourlyWage: 200, kafkaBrokers: [] },
    clock,
  );
  await platform.settled();
  const key = await loadOrCreateSigningKey(dataDir);
  const rss = async (): Promise<number> => process.resourceUsage().maxRSS * 1024;
  return {
    platform,
    url: platform.url.replace(/\/$/, ''),
    token: (claims) => issueToken(key, claims),
    peakRss: rss,
    close: async () => {
      await platform.close();
      if (temporary) await rm(temporary, { recursive: true, force: true });
      return rss();
    },
  };
}

/**
 * In a process of its own (platform-worker.ts), so that its peak RSS is its own: on a server's database, or on PGlite
 * in a data directory (the embedded profile as `npm start` runs it). Its Nest start-up lines are dropped unless
 * BENCH_SCALE_VERBOSE=1.
 */
export async function startPlatformProcess(task: PlatformTask): Promise<PlatformProcess> {
  const child = fork(path.join(__dirname, 'platform-worker.ts'), [JSON.stringify(task)], {
    execArgv: ['-r', path.join(__dirname, '..', 'register.js')],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const verbose = process.env.BENCH_SCALE_VERBOSE === '1';
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (verbose || !(line.includes('[Nest]') && line.includes('LOG'))) process.stdout.write(`${line}\n`);
  });
  const waiters: ((message: PlatformMessage) => void)[] = [];
  const next = (): Promise<PlatformMessage> => new Promise((resolve) => waiters.push(resolve));
  child.on('message', (message: PlatformMessage) => waiters.shift()?.(message));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const first = await Promise.race([next(), exited.then((code): PlatformMessage => ({ kind: 'failed', error: `exited with ${code}` }))]);
  if (first.kind !== 'ready') {
    child.kill();
    throw new Error(`the platform did not start: ${first.kind === 'failed' ? first.error : first.kind}`);
  }
  const key = await loadOrCreateSigningKey(first.dataDir);
  // One request at a time: the answers come back in order.
  let queue: Promise<unknown> = Promise.resolve();
  const ask = (request: PlatformRequest): Promise<PlatformMessage> => {
    const asked = queue.then(() => {
      const answer = next();
      child.send(request);
      return answer;
    });
    queue = asked.catch(() => undefined);
    return asked;
  };
  const rss = async (kind: 'rss' | 'close'): Promise<number> => {
    const message = await ask({ kind });
    if (message.kind !== 'rss') throw new Error(`the platform answered ${message.kind}`);
    if (kind === 'close') await exited;
    return message.peakRss;
  };
  return {
    url: first.url.replace(/\/$/, ''),
    token: (claims) => issueToken(key, claims),
    peakRss: () => rss('rss'),
    close: () => rss('close'),
    query: async <R extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<R[]> => {
      const message = await ask({ kind: 'sql', sql, params });
      if (message.kind === 'failed') throw new Error(`the platform's database: ${message.error}`);
      if (message.kind !== 'rows') throw new Error(`the platform answered ${message.kind}`);
      return message.rows as R[];
    },
  };
}

export { generateCountry };
export type { GenerateOptions, GenerateResult };
