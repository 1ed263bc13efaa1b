/**
 * The embedded platform on a generated country, in a process of its own (so its peak RSS is its own): on a server's
 * database (`databaseUrl`, files in a temporary directory), or on PGlite in a data directory (`dataDir`, kept).
 * Tells the parent its URL once it has settled; answers `rss` with its peak RSS and `sql` with the rows of a statement
 * run on the platform's own database driver (the only way into PGlite, which one process holds); `close` stops it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SERVICE_DATABASE } from '@ips/messaging';
import { SqlDriver } from '@ips/postgres';
import { startPlatform } from '../../apps/platform/src/platform';
import { peakRssOfThisProcess } from './child';

export type PlatformMessage =
  | { readonly kind: 'ready'; readonly url: string; readonly dataDir: string }
  | { readonly kind: 'rss'; readonly peakRss: number }
  | { readonly kind: 'rows'; readonly rows: readonly Record<string, unknown>[] }
  | { readonly kind: 'failed'; readonly error: string };

export type PlatformRequest =
  { readonly kind: 'rss' } | { readonly kind: 'close' } | { readonly kind: 'sql'; readonly sql: string; readonly params?: readonly unknown[] };

export interface PlatformTask {
  /** A server's database; without it, PGlite in `dataDir`. */
  readonly databaseUrl?: string;
  /** PGlite's data directory (the embedded platform's DATA_DIR), kept on close. */
  readonly dataDir?: string;
  /** PGlite's vacuum interval (the embedded platform's PGLITE_VACUUM_SECONDS), ms. */
  readonly vacuumEveryMs?: number;
}

const task = JSON.parse(process.argv[2] ?? '{}') as PlatformTask;
const send = (message: PlatformMessage, then?: () => void): void => {
  process.send?.(message, undefined, undefined, () => then?.());
};
const failed = (error: unknown): PlatformMessage => ({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });

async function main(): Promise<void> {
  const temporary = task.databaseUrl ? await mkdtemp(path.join(os.tmpdir(), 'bench-scale-')) : undefined;
  const dataDir = temporary ?? (task.dataDir as string);
  const platform = await startPlatform({
    port: 0,
    dataDir,
    ...(task.databaseUrl ? { databaseUrl: task.databaseUrl } : { vacuumEveryMs: task.vacuumEveryMs ?? 0 }),
    identityProviders: [],
    minimumHourlyWage: 200,
    kafkaBrokers: [],
  });
  await platform.settled();
  const db = platform.app.get<symbol, SqlDriver>(SERVICE_DATABASE);
  process.on('message', (message: PlatformRequest) => {
    if (message.kind === 'rss') send({ kind: 'rss', peakRss: peakRssOfThisProcess() });
    if (message.kind === 'sql') {
      db.query(message.sql, message.params ?? []).then(
        (rows) => send({ kind: 'rows', rows }),
        (error: unknown) => send(failed(error)),
      );
    }
    if (message.kind === 'close') {
      void platform
        .close()
        .then(() => (temporary ? rm(temporary, { recursive: true, force: true }) : undefined))
        .finally(() => send({ kind: 'rss', peakRss: peakRssOfThisProcess() }, () => process.exit(0)));
    }
  });
  send({ kind: 'ready', url: platform.url, dataDir });
}

main().catch((error: unknown) => send(failed(error), () => process.exit(1)));
