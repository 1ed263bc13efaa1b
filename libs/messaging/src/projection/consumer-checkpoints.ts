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
    const [row] = await this.db.query<{ position: unknown }>('select position from msg_consumer_checkpoints where consumer = $1 and stream = $2', [
      this.consumer,
      stream,
    ]);
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
    await tx.query('insert into msg_consumer_checkpoints (consumer, stream, position) values ($1, $2, 0) on conflict (consumer, stream) do nothing', [
      this.consumer,
      stream,
    ]);
    const [row] = await tx.query<{ position: unknown }>('select position from msg_consumer_checkpoints where consumer = $1 and stream = $2 for update', [
      this.consumer,
      stream,
    ]);
    return Number(row?.position ?? 0);
  }

  /**
   * In `tx`: locks the checkpoint of one stream's cursors (held to the commit, so a second process waits and then skips),
   * moves it past them, and returns the cursors beyond where it stood: those not applied before.
   *
   * A cursor with the id of its message (`id`, a bus delivery) is held to the id stored with the checkpoint: the message
   * at the checkpoint's own position read again must be the one applied there. Another message there means the stream
   * is not the one the checkpoint counted in (a topic deleted and made again): it throws `SourceChangedError`, never skips.
   */
  async claim<C extends Cursor & { readonly id?: string }>(tx: SqlExecutor, cursors: readonly C[]): Promise<readonly C[]> {
    const stream = cursors[0]?.stream;
    if (stream === undefined || cursors.some((cursor) => cursor.stream !== stream)) throw new Error('a run comes from one stream');
    const [row] = await tx.query<{ position: unknown; message_id: string | null }>(
      'select position, message_id from msg_consumer_checkpoints where consumer = $1 and stream = $2 for update',
      [this.consumer, stream],
    );
    const checkpoint = row ? Number(row.position) : 0;
    const again = row?.message_id ? cursors.find((cursor) => cursor.position === checkpoint && cursor.id !== undefined) : undefined;
    if (again && again.id !== row?.message_id) {
      throw new SourceChangedError(
        this.consumer,
        `${stream} holds message ${again.id} at position ${checkpoint}, where this consumer applied ${row?.message_id}: the topic is not the one its checkpoints count in (deleted and made again?)`,
      );
    }
    const ahead = cursors.filter((cursor) => cursor.position > checkpoint);
    if (ahead.length === 0) return ahead;
    const last = ahead.reduce((a, b) => (b.position > a.position ? b : a));
    await tx.query(
      `insert into msg_consumer_checkpoints (consumer, stream, position, message_id) values ($1, $2, $3, $4)
       on conflict (consumer, stream) do update set position = excluded.position, message_id = excluded.message_id, updated_at = now()
       where msg_consumer_checkpoints.position < excluded.position`,
      [this.consumer, stream, last.position, last.id ?? null],
    );
    return ahead;
  }

  /** Every stream's checkpoint whose name starts with `prefix` (e.g. `kafka:<topic>/`). */
  async positions(prefix: string): Promise<ReadonlyMap<string, number>> {
    const rows = await this.db.query<{ stream: string; position: unknown }>(
      `select stream, position from msg_consumer_checkpoints where consumer = $1 and starts_with(stream, $2)`,
      [this.consumer, prefix],
    );
    return new Map(rows.map((row) => [row.stream, Number(row.position)]));
  }

  /** Which log the consumer's bus checkpoints count in (`BusOrigin.id`), null before it was first recorded. */
  async origin(): Promise<string | null> {
    const [row] = await this.db.query<{ origin: string }>('select origin from msg_consumer_origins where consumer = $1', [this.consumer]);
    return row?.origin ?? null;
  }

  async recordOrigin(origin: string): Promise<void> {
    await this.db.query(
      `insert into msg_consumer_origins (consumer, origin) values ($1, $2)
       on conflict (consumer) do update set origin = excluded.origin, recorded_at = now()`,
      [this.consumer, origin],
    );
  }

  /**
   * The documented way on after a new Kafka cluster or topic (decision 41): every consumer in this database forgets its
   * checkpoints of streams starting with `prefix` and its recorded origin, so it adopts the bus it finds at its next
   * start and reads it from offset 0, skipping what it applied before by message id. Returns the consumers it reset.
   */
  static async forgetSource(db: SqlDriver, prefix: string): Promise<readonly string[]> {
    await migrate(db, messagingMigrations);
    return db.transaction(async (tx) => {
      const rows = await tx.query<{ consumer: string }>(`delete from msg_consumer_checkpoints where starts_with(stream, $1) returning consumer`, [prefix]);
      const origins = await tx.query<{ consumer: string }>('delete from msg_consumer_origins returning consumer');
      return [...new Set([...rows, ...origins].map((row) => row.consumer))].sort();
    });
  }
}

/** A consumer's checkpoints do not belong to the source it was given (decision 41): it stops rather than skip. */
export class SourceChangedError extends Error {
  constructor(
    readonly consumer: string,
    readonly reason: string,
  ) {
    super(`${consumer}: ${reason}`);
    this.name = 'SourceChangedError';
  }
}
