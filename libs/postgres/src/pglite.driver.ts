import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { SqlDriver, SqlExecutor, SqlRow } from './sql-driver.port';

export interface PgliteOptions {
  /**
   * How often to vacuum (and analyze) the database; 0 never. PGlite runs PostgreSQL in single-user mode, which
   * has no autovacuum: without this, tables updated all day (checkpoints, deliveries) keep every dead row
   * version and their indexes slow down with them, and the planner never learns the tables' sizes.
   */
  readonly vacuumEveryMs?: number;
}

export class PgliteDriver implements SqlDriver {
  readonly engine = 'pglite' as const;
  private readonly vacuuming: NodeJS.Timeout | undefined;
  private lastVacuum: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: PGlite,
    vacuumEveryMs: number,
  ) {
    if (vacuumEveryMs > 0) {
      this.vacuuming = setInterval(() => {
        this.lastVacuum = this.vacuum().catch(() => undefined); // the next round tries again
      }, vacuumEveryMs);
      this.vacuuming.unref();
    }
  }

  /** `dataDir` undefined keeps the database in memory (tests). */
  static async open(dataDir?: string, options: PgliteOptions = {}): Promise<PgliteDriver> {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    const db = dataDir ? new PGlite(dataDir) : new PGlite();
    await db.waitReady;
    return new PgliteDriver(db, options.vacuumEveryMs ?? 0);
  }

  /** What autovacuum does on a server: dead row versions pruned from tables and indexes, statistics refreshed. */
  async vacuum(): Promise<void> {
    await this.db.exec('vacuum (analyze)');
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

  async close(): Promise<void> {
    clearInterval(this.vacuuming);
    await this.lastVacuum;
    return this.db.close();
  }
}
