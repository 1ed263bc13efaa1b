import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { SqlDriver, SqlExecutor, SqlRow } from './sql-driver.port';

export class PgliteDriver implements SqlDriver {
  readonly engine = 'pglite' as const;

  private constructor(private readonly db: PGlite) {}

  /** `dataDir` undefined keeps the database in memory (tests). */
  static async open(dataDir?: string): Promise<PgliteDriver> {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    const db = dataDir ? new PGlite(dataDir) : new PGlite();
    await db.waitReady;
    return new PgliteDriver(db);
  }

  async query<R extends SqlRow>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    return (await this.db.query<R>(sql, params as unknown[] | undefined)).rows;
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      work({
        query: async <R extends SqlRow>(sql: string, params?: readonly unknown[]) =>
          (await tx.query<R>(sql, params as unknown[] | undefined)).rows,
        exec: async (sql: string) => {
          await tx.exec(sql);
        },
      }),
    );
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
