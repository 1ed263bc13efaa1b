import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PgliteDriver } from '@ips/postgres';
import { EMBEDDED_DATABASES } from '@ips/runtime';

/** The PGlite release installed: its initdb writes the same empty cluster every time, so a copy of one stands for it. */
async function pgliteVersion(): Promise<string> {
  const entry = require.resolve('@electric-sql/pglite');
  const manifest = JSON.parse(await readFile(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * An empty PGlite cluster, as PGlite's initdb leaves it (no schema, no rows, no keys), made once per PGlite release on
 * this machine and shared by every test process: made aside and renamed into place, so a reader never sees half of it.
 */
async function emptyCluster(): Promise<string> {
  const template = path.join(os.tmpdir(), `ips-test-empty-pglite-${await pgliteVersion()}`);
  if (existsSync(path.join(template, 'PG_VERSION'))) return template;
  const aside = `${template}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await mkdir(aside, { recursive: true });
  await (await PgliteDriver.open(aside)).close();
  try {
    await rename(aside, template);
  } catch {
    await rm(aside, { recursive: true, force: true }); // another process made it first: theirs is the same
  }
  return template;
}

/**
 * Puts the embedded profile's two databases into a new data directory as PGlite's initdb would, from a copy: initdb
 * takes one to two seconds of CPU per database, a copy milliseconds, and the platform then starts on the directory
 * exactly as on a new one (it makes its tables, keys and checkpoints itself).
 */
export async function withEmptyDatabases(dataDir: string): Promise<void> {
  const template = await emptyCluster();
  for (const name of Object.values(EMBEDDED_DATABASES)) await cp(template, path.join(dataDir, name), { recursive: true });
}
