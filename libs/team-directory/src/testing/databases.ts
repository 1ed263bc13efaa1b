import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PgDriver, PgliteDriver, SqlDriver, ensureDatabase } from '@ips/postgres';

export interface TestDatabase {
  readonly driver: SqlDriver;
  drop(): Promise<void>;
}

/** A database of this run's own on DATABASE_URL's server, dropped afterwards. */
async function serverDatabase(url: string): Promise<TestDatabase> {
  const name = `ips_td_${process.pid}_${randomBytes(4).toString('hex')}`;
  const own = new URL(url);
  own.pathname = `/${name}`;
  await ensureDatabase(own.toString());
  const driver = new PgDriver({ connectionString: own.toString() });
  return {
    driver,
    drop: async () => {
      await driver.close();
      const admin = new Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists "${name}" with (force)`).finally(() => admin.end());
    },
  };
}

/** The engines a directory spec runs on: PGlite always, and the PostgreSQL server at DATABASE_URL when it is set. */
export function directoryEngines(databaseUrl = process.env.DATABASE_URL): [string, () => Promise<TestDatabase>][] {
  return [
    [
      'PGlite',
      async () => {
        const driver = await PgliteDriver.open();
        return { driver, drop: () => driver.close() };
      },
    ],
    ...(databaseUrl ? [['the PostgreSQL server', () => serverDatabase(databaseUrl)] as [string, () => Promise<TestDatabase>]] : []),
  ];
}
