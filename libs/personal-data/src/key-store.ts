import { randomBytes } from 'node:crypto';
import { MigrationSet, SqlDriver, lookupsInFlight, migrate } from '@ips/postgres';
import { BatchedLookup } from '@ips/utils';

/** Each participant's data key, kept apart from the events it seals; erasure destroys it. */
export interface KeyStore {
  /** The participant's key, made on first use unless erased. */
  keyFor(participantId: string): Promise<Buffer | null>;
  /** The key if there is one; null for an unknown or erased participant. */
  existingKey(participantId: string): Promise<Buffer | null>;
  /** Destroys the key for good: everything sealed with it becomes unreadable. */
  destroy(participantId: string): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const keyStoreMigrations: MigrationSet = {
  component: 'personal-data-keys',
  migrations: [
    {
      version: 1,
      sql: `
create table pd_keys (
  participant_id uuid primary key,
  data_key bytea,
  created_at timestamptz not null default now(),
  erased_at timestamptz,
  check ((data_key is null) = (erased_at is not null))
);`,
    },
  ],
};

/**
 * Keys in their own table (in production: their own database, backed up on its own schedule). An erased
 * participant keeps a row without a key, so a late event cannot make a new key and resurrect them.
 */
export class PostgresKeyStore implements KeyStore {
  /** A participant's row: its key, null when erased, undefined when there is none yet. Lookups asked together share a query. */
  private readonly rows: BatchedLookup<string, Buffer | null | undefined>;

  private constructor(private readonly db: SqlDriver) {
    this.rows = new BatchedLookup<string, Buffer | null | undefined>(
      async (participantIds) => {
        // Only UUIDs can have a row (a malformed id must not fail the others' query); the database answers in lower case.
        const ids = participantIds.filter((id) => UUID.test(id));
        const found = await db.query<{ participant_id: string; data_key: Uint8Array | null }>(
          'select participant_id, data_key from pd_keys where participant_id = any($1::uuid[])',
          [ids],
        );
        const byId = new Map(found.map((row) => [row.participant_id, row.data_key ? Buffer.from(row.data_key) : null]));
        return new Map(ids.filter((id) => byId.has(id.toLowerCase())).map((id) => [id, byId.get(id.toLowerCase())]));
      },
      undefined,
      { maxInFlight: lookupsInFlight(db) },
    );
  }

  static async open(db: SqlDriver): Promise<PostgresKeyStore> {
    await migrate(db, keyStoreMigrations);
    return new PostgresKeyStore(db);
  }

  async keyFor(participantId: string): Promise<Buffer | null> {
    // Read first: the key exists for every write but a participant's first, and a read takes no lock.
    const key = await this.rows.get(participantId);
    if (key !== undefined) return key;
    await this.db.query('insert into pd_keys (participant_id, data_key) values ($1, $2) on conflict (participant_id) do nothing', [
      participantId,
      randomBytes(32),
    ]);
    return this.existingKey(participantId);
  }

  async existingKey(participantId: string): Promise<Buffer | null> {
    return (await this.rows.get(participantId)) ?? null;
  }

  /**
   * Nulls the key, then vacuums the table so the old row version holding it is pruned from the table's
   * pages rather than waiting for autovacuum. What PostgreSQL cannot promise: the bytes may survive in
   * free space and in WAL segments until they are reused (docs/architecture.md, decision 16).
   */
  async destroy(participantId: string): Promise<void> {
    await this.db.query(
      `insert into pd_keys (participant_id, data_key, erased_at) values ($1, null, now())
       on conflict (participant_id) do update set data_key = null, erased_at = coalesce(pd_keys.erased_at, now())`,
      [participantId],
    );
    await this.db.exec('vacuum pd_keys');
  }
}
