import { createHash } from 'node:crypto';
import { Client, Pool, PoolClient, PoolConfig } from 'pg';
import { DriverUsage, SqlDriver, SqlExecutor, SqlRow } from './sql-driver.port';

const statementNames = new Map<string, string>();

/** Parameterised statements are prepared once per connection by name, so PostgreSQL can reuse their plans. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `ips_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

const executor = (client: Pool | PoolClient): SqlExecutor => ({
  query: async <R extends SqlRow>(sql: string, params?: readonly unknown[]) =>
    (params && params.length > 0 ? await client.query({ name: statementName(sql), text: sql, values: params as unknown[] }) : await client.query(sql))
      .rows as R[],
  exec: async (sql: string) => {
    await client.query(sql);
  },
});

export class PgDriver implements SqlDriver {
  readonly engine = 'postgres' as const;
  private readonly pool: Pool;
  private readonly direct: SqlExecutor;

  constructor(config: PoolConfig) {
    this.pool = new Pool({ max: 10, ...config });
    this.pool.on('error', () => undefined); // an idle client's broken connection is replaced on next use
    this.direct = executor(this.pool);
  }

  query<R extends SqlRow>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    return this.direct.query<R>(sql, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(executor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  exec(sql: string): Promise<void> {
    return this.direct.exec(sql);
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  usage(): DriverUsage {
    return { engine: this.engine, connections: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }
}

/** Creates the database named in `url` on its server when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        // Created meanwhile by another process: 42P04, or 23505 when both creates ran at once (pg_database's unique index).
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}
