/**
 * Generation, projection and reads at size, reusable by the bench and its int test: a fresh database on the
 * PostgreSQL server, the country written through the real append (generate.ts), projected in bulk (project.ts), and
 * the embedded platform started on it: in a process of its own for the bench (startPlatformProcess), in this one for
 * the test (startOn).
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Clock, TokenClaims, issueToken, loadOrCreateSigningKey } from '@ips/access';
import { RunningPlatform, startPlatform } from '../../apps/platform/src/platform';
import { GenerateOptions, GenerateResult, generateCountry } from './generate';
import type { PlatformMessage } from './platform-worker';

export interface ScaleDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** `bench_scale_<name>` and its `_keys` database on DATABASE_URL's server, created empty. */
export async function freshDatabase(serverUrl: string, name: string): Promise<ScaleDatabase> {
  const database = `bench_scale_${name}`;
  const admin = async (statements: string[]): Promise<void> => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const dropBoth = [`drop database if exists ${database} with (force)`, `drop database if exists ${database}_keys with (force)`];
  await admin([...dropBoth, `create database ${database}`]);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return { name: database, url: url.toString(), drop: () => admin(dropBoth) };
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

/** In this process (the int test): the platform and the test share its RSS. */
export async function startOn(databaseUrl: string, clock?: Clock): Promise<PlatformOnCountry & { readonly platform: RunningPlatform }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-scale-'));
  const platform = await startPlatform({ port: 0, dataDir, databaseUrl, identityProviders: [], minimumHourlyWage: 200, kafkaBrokers: [] }, clock);
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
      await rm(dataDir, { recursive: true, force: true });
      return rss();
    },
  };
}

/**
 * In a process of its own (platform-worker.ts), so that its peak RSS is its own. Its Nest start-up lines are dropped
 * unless BENCH_SCALE_VERBOSE=1.
 */
export async function startPlatformProcess(databaseUrl: string): Promise<PlatformOnCountry> {
  const child = fork(path.join(__dirname, 'platform-worker.ts'), [JSON.stringify({ databaseUrl })], {
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
  const rss = async (kind: 'rss' | 'close'): Promise<number> => {
    const answer = next();
    child.send({ kind });
    const message = await answer;
    if (message.kind !== 'rss') throw new Error(`the platform answered ${message.kind}`);
    if (kind === 'close') await exited;
    return message.peakRss;
  };
  return {
    url: first.url.replace(/\/$/, ''),
    token: (claims) => issueToken(key, claims),
    peakRss: () => rss('rss'),
    close: () => rss('close'),
  };
}

export { generateCountry };
export type { GenerateOptions, GenerateResult };
