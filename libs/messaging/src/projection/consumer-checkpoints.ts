import { Cursor } from '@ips/event-store';
import { SqlDriver, SqlExecutor, migrate } from '@ips/postgres';
import { messagingMigrations } from '../messaging.migrations';

/**
 * A consumer's checkpoints in the service's own SQL database (`msg_consumer_checkpoints`), one per stream of its source:
 * moved in the transaction that applies what lies beyond them, so an effect and its checkpoint commit together.
 */
export class ConsumerCheckpoints {
  private constructor(
    private readonly db: SqlDriver,
    readonly consumer: string,
  ) {}

  static async open(db: SqlDriver, consumer: string): Promise<ConsumerCheckpoints> {
    await migrate(db, messagingMigrations);
    return new ConsumerCheckpoints(db, consumer);
  }

  async position(stream: string): Promise<number> {
    const [row] = await this.db.query<{ position: unknown }>(
      'select position from msg_consumer_checkpoints where consumer = $1 and stream = $2',
      [this.consumer, stream],
    );
    return row ? Number(row.position) : 0;
  }

  /** True once every stream's checkpoint reaches its end (`RecordSource.ends`). */
  async reached(ends: ReadonlyMap<string, number>): Promise<boolean> {
    for (const [stream, end] of ends) if ((await this.position(stream)) < end) return false;
    return true;
  }

  /**
   * In `tx`: locks one stream's checkpoint for the rest of it (a run of the consumer waits, as a second process does)
   * and returns where it stands; what replaces the consumer's read models (a rebuild) swaps them in under it.
   */
  async hold(tx: SqlExecutor, stream: string): Promise<number> {
    await tx.query(
      'insert into msg_consumer_checkpoints (consumer, stream, position) values ($1, $2, 0) on conflict (consumer, stream) do nothing',
      [this.consumer, stream],
    );
    const [row] = await tx.query<{ position: unknown }>(
      'select position from msg_consumer_checkpoints where consumer = $1 and stream = $2 for update',
      [this.consumer, stream],
    );
    return Number(row?.position ?? 0);
  }

  /**
   * In `tx`: locks the checkpoint of one stream's cursors (held to the commit, so a second process waits and then skips),
   * moves it past them, and returns the cursors beyond where it stood: those not applied before.
   */
  async claim<C extends Cursor>(tx: SqlExecutor, cursors: readonly C[]): Promise<readonly C[]> {
    const stream = cursors[0]?.stream;
    if (stream === undefined || cursors.some((cursor) => cursor.stream !== stream)) throw new Error('a run comes from one stream');
    const [row] = await tx.query<{ position: unknown }>(
      'select position from msg_consumer_checkpoints where consumer = $1 and stream = $2 for update',
      [this.consumer, stream],
    );
    const checkpoint = row ? Number(row.position) : 0;
    const ahead = cursors.filter((cursor) => cursor.position > checkpoint);
    if (ahead.length === 0) return ahead;
    await tx.query(
      `insert into msg_consumer_checkpoints (consumer, stream, position) values ($1, $2, $3)
       on conflict (consumer, stream) do update set position = greatest(msg_consumer_checkpoints.position, excluded.position), updated_at = now()`,
      [this.consumer, stream, Math.max(...ahead.map((cursor) => cursor.position))],
    );
    return ahead;
  }
}
