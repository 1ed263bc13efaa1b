export type SqlRow = Record<string, unknown>;

export interface SqlExecutor {
  query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The one seam between our SQL and the engine that runs it: a PostgreSQL server through `pg`,
 * or PostgreSQL compiled to WASM in-process (PGlite). Everything above it is the same SQL.
 */
export interface SqlDriver extends SqlExecutor {
  readonly engine: 'postgres' | 'pglite';
  /** Runs `work` in one transaction on one connection; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Its connections as they stand now (metrics). */
  usage?(): DriverUsage;
}

/** `pg`: the pool's connections (busy and idle) and the queries waiting for one; PGlite: its one connection and the queries queued for it (the running one too). */
export interface DriverUsage {
  readonly engine: 'postgres' | 'pglite';
  readonly connections: number;
  readonly idle: number;
  readonly waiting: number;
}

/**
 * How many batched lookups (BatchedLookup) may be under way at once on this driver: one on PGlite, whose one
 * connection would only queue more; four on a server's pool.
 */
export const lookupsInFlight = (driver: Pick<SqlDriver, 'engine'>): number => (driver.engine === 'pglite' ? 1 : 4);
