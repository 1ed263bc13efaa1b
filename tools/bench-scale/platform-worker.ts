/**
 * The embedded platform on a generated country's database, in a process of its own (so its peak RSS is its own).
 * Tells the parent its URL once it has settled; answers `rss` with its peak RSS; `close` stops it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startPlatform } from '../../apps/platform/src/platform';
import { peakRssOfThisProcess } from './child';

export type PlatformMessage = { readonly kind: 'ready'; readonly url: string; readonly dataDir: string } | { readonly kind: 'rss'; readonly peakRss: number } | { readonly kind: 'failed'; readonly error: string };

const { databaseUrl } = JSON.parse(process.argv[2] ?? '{}') as { databaseUrl: string };
const send = (message: PlatformMessage, then?: () => void): void => {
  process.send?.(message, undefined, undefined, () => then?.());
};

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-scale-'));
  const platform = await startPlatform({ port: 0, dataDir, databaseUrl, identityProviders: [], minimumHourlyWage: 200, kafkaBrokers: [] });
  await platform.settled();
  process.on('message', (message: { kind: string }) => {
    if (message.kind === 'rss') send({ kind: 'rss', peakRss: peakRssOfThisProcess() });
    if (message.kind === 'close') {
      void platform
        .close()
        .then(() => rm(dataDir, { recursive: true, force: true }))
        .finally(() => send({ kind: 'rss', peakRss: peakRssOfThisProcess() }, () => process.exit(0)));
    }
  });
  send({ kind: 'ready', url: platform.url, dataDir });
}

main().catch((error: unknown) => send({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1)));
