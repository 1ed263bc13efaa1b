/**
 * Generation, projection and reads at size, reusable by the bench and its int test: a fresh database on the
 * PostgreSQL server, the country written through the pipeline, the embedded platform started on it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Clock, TokenClaims, issueToken, loadOrCreateSigningKey } from '@ips/access';
import { RunningPlatform, startPlatform } from '../../apps/platform/src/platform';
import { GenerateOptions, GenerateResult, generateCountry } from './generate';

export interface ScaleDatabase {
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
  return { url: url.toString(), drop: () => admin(dropBoth) };
}

export interface ProjectedCountry {
  readonly generated: GenerateResult;
  readonly platform: RunningPlatform;
  readonly projectionSeconds: number;
  token(claims: TokenClaims): Promise<string>;
  close(): Promise<void>;
}

/** Starts the embedded platform on the generated database and waits until the team view has applied the whole outbox. */
export async function startOn(databaseUrl: string, generated: GenerateResult, clock?: Clock): Promise<ProjectedCountry> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-scale-'));
  const started = Date.now();
  const platform = await startPlatform({ port: 0, dataDir, databaseUrl, identityProviders: [], minimumHourlyWage: 200, kafkaBrokers: [] }, clock);
  await platform.settled();
  const projectionSeconds = (Date.now() - started) / 1000;
  const key = await loadOrCreateSigningKey(dataDir);
  return {
    generated,
    platform,
    projectionSeconds,
    token: (claims) => issueToken(key, claims),
    close: async () => {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export { generateCountry };
export type { GenerateOptions, GenerateResult };
