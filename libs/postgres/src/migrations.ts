import { SqlDriver } from './sql-driver.port';

export interface Migration {
  readonly version: number;
  readonly sql: string;
}

export interface MigrationSet {
  /** Owner of the tables, e.g. `event-store`; versions count per component. */
  readonly component: string;
  readonly migrations: readonly Migration[];
}

const LOCK_KEY = 7_355_608; // any constant: serialises migrations of processes sharing one database

/** Per database, the migration sets this process has applied to it: what its code needs there (readiness checks it). */
const knownSets = new WeakMap<SqlDriver, Map<string, MigrationSet>>();

/** Applies, in order and once, every migration not yet recorded. Safe to run from several processes at once. */
export async function migrate(driver: SqlDriver, ...sets: MigrationSet[]): Promise<void> {
  const known = knownSets.get(driver) ?? new Map<string, MigrationSet>();
  for (const set of sets) known.set(set.component, set);
  knownSets.set(driver, known);
  await driver.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.exec(`create table if not exists schema_migrations (
      component text not null,
      version int not null,
      applied_at timestamptz not null default now(),
      primary key (component, version)
    )`);
  });
  for (const set of sets) {
    await driver.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const applied = await tx.query<{ version: number }>('select version from schema_migrations where component = $1', [set.component]);
      const done = new Set(applied.map((row) => Number(row.version)));
      for (const migration of [...set.migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(migration.version)) continue;
        await tx.exec(migration.sql);
        await tx.query('insert into schema_migrations (component, version) values ($1, $2)', [set.component, migration.version]);
      }
    });
  }
}

/**
 * The migrations this process has applied to the database (through `migrate`) that it no longer finds recorded there,
 * as `component@version`: empty when every one is in place. A database restored from before them, or swapped
 * under a running service, shows here.
 */
export async function pendingMigrations(driver: SqlDriver): Promise<string[]> {
  const sets = [...(knownSets.get(driver)?.values() ?? [])];
  if (sets.length === 0) return [];
  const applied = await driver.query<{ component: string; version: number }>('select component, version from schema_migrations');
  const done = new Set(applied.map((row) => `${row.component}@${Number(row.version)}`));
  return sets.flatMap((set) => set.migrations.map((migration) => `${set.component}@${migration.version}`)).filter((key) => !done.has(key));
}
