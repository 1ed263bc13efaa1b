import { mkdir } from 'node:fs/promises';
import { PGlite, TransactionAbortedError, parse, protocol } from '@electric-sql/pglite';
import { DriverUsage, SqlDriver, SqlExecutor, SqlRow } from './sql-driver.port';

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

interface PreparedStatement {
  readonly name: string;
  /** The parameters' type OIDs, as PostgreSQL inferred them: which serializer turns each value into text. */
  readonly parameterTypes: readonly number[];
  /** The result's columns (absent for statements that return no rows): prepended to each run's messages to parse them. */
  readonly rowDescription: BackendMessage | undefined;
}

/** Beyond this many distinct statements new ones are not kept (our SQL is a fixed set; this only bounds a mistake). */
const MAX_PREPARED = 1_000;

/** "cached plan must not change result type": a table under a prepared statement changed shape; prepare again. */
const PLAN_CHANGED = '0A000';

export interface PgliteOptions {
  /**
   * How often to vacuum (and analyze) the database; 0 never. PGlite runs PostgreSQL in single-user mode, which
   * has no autovacuum: without this, tables updated all day (checkpoints, deliveries) keep every dead row
   * version and their indexes slow down with them, and the planner never learns the tables' sizes.
   */
  readonly vacuumEveryMs?: number;
}

let emptyCluster: Promise<Blob> | undefined;

/** An empty in-memory cluster, dumped once per process (a failed attempt is tried again by the next open). */
function emptyInMemoryCluster(): Promise<Blob> {
  emptyCluster ??= (async () => {
    const db = new PGlite();
    try {
      await db.waitReady;
      return await db.dumpDataDir('none');
    } finally {
      await db.close();
    }
  })().catch((error: unknown) => {
    emptyCluster = undefined;
    throw error;
  });
  return emptyCluster;
}

export class PgliteDriver implements SqlDriver {
  readonly engine = 'pglite' as const;
  private readonly vacuuming: NodeJS.Timeout | undefined;
  private lastVacuum: Promise<void> = Promise.resolve();
  private readonly prepared = new Map<string, PreparedStatement>();
  private statementsPrepared = 0;
  /** Statements and transactions asked for and not yet done: the one running and those queued behind it. */
  private pending = 0;

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

  /**
   * `dataDir` undefined keeps the database in memory (tests): each starts from a copy of an empty cluster this process
   * made once, as initdb would have left it (loading the copy takes a quarter of initdb's time).
   */
  static async open(dataDir?: string, options: PgliteOptions = {}): Promise<PgliteDriver> {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    const db = dataDir ? new PGlite(dataDir) : new PGlite({ loadDataDir: await emptyInMemoryCluster() });
    await db.waitReady;
    return new PgliteDriver(db, options.vacuumEveryMs ?? 0);
  }

  /** What autovacuum does on a server: dead row versions pruned from tables and indexes, statistics refreshed. */
  async vacuum(): Promise<void> {
    await this.db.exec('vacuum (analyze)');
  }

  /** A statement on its own waits for any transaction under way, as PGlite's `query` does. */
  query<R extends SqlRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return this.counted(
      this.db._runExclusiveTransaction(async () => {
        const rows = await this.run<R>(sql, params);
        await this.db.syncToFs();
        return rows;
      }),
    );
  }

  /**
   * BEGIN and COMMIT go to the engine as one message each (PGlite's own `transaction` sends two), and the
   * statements between them run prepared (`run`). A transaction that failed inside and is committed anyway is
   * rolled back by PostgreSQL; that is an error here, as in PGlite's `transaction`.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.counted(this.exclusiveTransaction(work));
  }

  private exclusiveTransaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db._runExclusiveTransaction(async () => {
      try {
        await this.simple('BEGIN');
        let result: T;
        try {
          result = await work({ query: (sql, params = []) => this.run(sql, params), exec: (sql) => this.simple(sql).then(() => undefined) });
        } catch (error) {
          await this.simple('ROLLBACK').catch(() => undefined); // the work's error is the one to report
          throw error;
        }
        if ((await this.simple('COMMIT')) === 'ROLLBACK') throw new TransactionAbortedError();
        return result;
      } finally {
        await this.db.syncToFs();
      }
    });
  }

  /** Statements without parameters in one simple-query message; the last command's tag (COMMIT, ROLLBACK, ...). */
  private simple(sql: string): Promise<string | undefined> {
    return this.db._runExclusiveQuery(async () => {
      const messages = await this.db.execProtocolStream(protocol.serialize.query(sql), { syncToFs: false });
      const done = messages.filter((message) => message.name === 'commandComplete').at(-1) as { text?: string } | undefined;
      return done?.text;
    });
  }

  /**
   * A statement runs prepared: parsed and planned once per SQL text (PostgreSQL may then reuse a generic plan), and
   * each run is one message to the engine (Bind, Execute, Sync) where PGlite's `query` sends six (Parse, Describe,
   * Bind, Describe, Execute, Sync) and has PostgreSQL parse and plan the text every time. The same as `pg`'s
   * named statements on a server (PgDriver).
   */
  private run<R extends SqlRow>(sql: string, params: readonly unknown[]): Promise<R[]> {
    return this.db._runExclusiveQuery(async () => {
      try {
        return await this.execute<R>(this.prepared.get(sql) ?? (await this.prepare(sql)), params);
      } catch (error) {
        if ((error as { code?: string }).code !== PLAN_CHANGED) throw error;
        this.prepared.delete(sql);
        return this.execute<R>(await this.prepare(sql), params);
      }
    });
  }

  /** Kept by name for the next run; beyond MAX_PREPARED as PostgreSQL's unnamed statement, for this run only. */
  private async prepare(sql: string): Promise<PreparedStatement> {
    const keep = this.prepared.size < MAX_PREPARED;
    const name = keep ? `ips_${++this.statementsPrepared}` : '';
    const messages = await this.db.execProtocolStream(
      Buffer.concat([protocol.serialize.parse({ name, text: sql }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()]),
      { syncToFs: false },
    );
    const parameters = messages.find((message) => message.name === 'parameterDescription') as { dataTypeIDs?: number[] } | undefined;
    const statement: PreparedStatement = {
      name,
      parameterTypes: parameters?.dataTypeIDs ?? [],
      rowDescription: messages.find((message) => message.name === 'rowDescription'),
    };
    if (keep) this.prepared.set(sql, statement);
    return statement;
  }

  private async execute<R extends SqlRow>(statement: PreparedStatement, params: readonly unknown[]): Promise<R[]> {
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialize = this.db.serializers[statement.parameterTypes[i] ?? 0];
      return serialize ? serialize(value) : String(value);
    });
    const messages = await this.db.execProtocolStream(
      Buffer.concat([protocol.serialize.bind({ statement: statement.name, values }), protocol.serialize.execute({}), protocol.serialize.sync()]),
      { syncToFs: false },
    );
    const [result] = parse.parseResults(statement.rowDescription ? [statement.rowDescription, ...messages] : messages, this.db.parsers);
    return (result?.rows ?? []) as R[];
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  usage(): DriverUsage {
    return { engine: this.engine, connections: 1, idle: this.pending === 0 ? 1 : 0, waiting: this.pending };
  }

  private async counted<T>(work: Promise<T>): Promise<T> {
    this.pending++;
    try {
      return await work;
    } finally {
      this.pending--;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.vacuuming);
    await this.lastVacuum;
    return this.db.close();
  }
}
