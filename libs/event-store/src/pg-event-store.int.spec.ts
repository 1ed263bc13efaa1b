import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PgDriver, ensureDatabase } from '@ips/postgres';
import { eventStoreMigrations } from './postgres/event-store.migrations';
import { PostgresEventStore } from './postgres/postgres-event-store.adapter';
import { describeCategoryIndexUpgrade, describePostgresEventStoreContract, describeEventStorePortContract } from './testing';

const DATABASE_URL = process.env.DATABASE_URL;

if (DATABASE_URL) {
  /** A database of this run's own, on DATABASE_URL's server: runs and other test files never see each other's rows. */
  const newDatabase = (purpose: string): { name: string; url: string } => {
    const name = `ips_es_${purpose}_${process.pid}_${randomBytes(4).toString('hex')}`;
    const url = new URL(DATABASE_URL);
    url.pathname = `/${name}`;
    return { name, url: url.toString() };
  };

  const dropDatabase = async (name: string): Promise<void> => {
    const admin = new Client({ connectionString: DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`drop database if exists "${name}" with (force)`);
    } finally {
      await admin.end();
    }
  };

  describe('PostgreSQL server event store', () => {
    const database = newDatabase('contract');

    beforeAll(async () => {
      await ensureDatabase(database.url);
    });

    afterAll(async () => {
      await dropDatabase(database.name);
    });

    describePostgresEventStoreContract('PostgreSQL server', async () => new PgDriver({ connectionString: database.url, max: 4 }), { concurrentDrivers: true });
  });

  describe('PostgreSQL server event store: the port', () => {
    const database = newDatabase('port');
    const drivers: PgDriver[] = [];

    describeEventStorePortContract(
      'PostgreSQL server',
      async () => {
        await ensureDatabase(database.url);
        const open = async (): Promise<PostgresEventStore> => {
          const driver = new PgDriver({ connectionString: database.url, max: 4 });
          drivers.push(driver);
          return PostgresEventStore.open(driver);
        };
        return {
          store: await open(),
          reopen: open, // another pool: nothing of the first instance is shared
          close: async () => {
            for (const driver of drivers.splice(0)) await driver.close();
            await dropDatabase(database.name);
          },
        };
      },
      { consecutivePositions: true },
    );
  });

  describeCategoryIndexUpgrade('PostgreSQL server', async () => {
    const database = newDatabase('upgrade');
    await ensureDatabase(database.url);
    const driver = new PgDriver({ connectionString: database.url, max: 2 });
    return {
      driver,
      close: async () => {
        await driver.close();
        await dropDatabase(database.name);
      },
    };
  });

  describe('PostgreSQL server event store: first start', () => {
    const created: string[] = [];
    const drivers: PgDriver[] = [];

    afterEach(async () => {
      for (const driver of drivers.splice(0)) await driver.close();
      for (const name of created.splice(0)) await dropDatabase(name);
    });

    it('given a fresh database, when several processes open the store at the same moment, then each opens and the migrations are applied once', async () => {
      // A race, so three fresh databases: one round shows the fault most of the time, three nearly always.
      const failures: string[] = [];
      for (let round = 1; round <= 3; round++) {
        // given
        const database = newDatabase('first_start');
        await ensureDatabase(database.url);
        created.push(database.name);
        const processes = Array.from({ length: 8 }, () => new PgDriver({ connectionString: database.url, max: 1 }));
        drivers.push(...processes);

        // when
        const opened = await Promise.allSettled(processes.map((driver) => PostgresEventStore.open(driver)));

        // then
        for (const outcome of opened) {
          if (outcome.status === 'rejected') failures.push(`round ${round}: ${String(outcome.reason)}`);
        }
        const [applied] = await (processes[0] as PgDriver).query<{ n: unknown }>('select count(*) as n from schema_migrations where component = $1', [
          eventStoreMigrations.component,
        ]);
        expect(Number(applied?.n)).toBe(eventStoreMigrations.migrations.length);
      }
      expect(failures).toEqual([]);
    });
  });
} else if (process.env.CI) {
  describe('PostgreSQL server event store', () => {
    it('needs a server', () => {
      throw new Error('DATABASE_URL is required in CI: the event store contract must run against a PostgreSQL server');
    });
  });
} else {
  describe.skip('PostgreSQL server event store (skipped: set DATABASE_URL to run it against a server)', () => {
    it('runs the event store contract against a PostgreSQL server', () => undefined);
  });
}
