import { Cursor, Following, RecordSource } from '@ips/event-store';
import { SqlDriver, SqlExecutor } from '@ips/postgres';
import { ConsumerCheckpoints } from './consumer-checkpoints';

/** The service's own SQL database: where its read models and their checkpoints live, whichever store holds its events. */
export const SERVICE_DATABASE = Symbol('SERVICE_DATABASE');

export interface ProjectionOptions<T> {
  /** Applies the records of a run not applied before, in order, in the transaction that moves the checkpoint past them. */
  readonly apply: (records: readonly T[], tx: SqlExecutor) => Promise<void>;
  /** Told after a run's effects and checkpoint have committed. */
  readonly onCommitted?: () => void;
  readonly onError?: (error: unknown) => void;
  readonly pollIntervalMs?: number;
  /**
   * Only these stream categories' records, where the source can filter (`FollowOptions.categories`); the checkpoint still
   * moves past the others. A source that cannot filter delivers everything, so `apply` keeps its own check.
   */
  readonly categories?: readonly string[];
}

/**
 * A projection of any source (decision 5): each run is applied in one transaction of the service's database together
 * with its checkpoint, so each record takes effect exactly once, across restarts and redeliveries.
 */
export class CheckpointedProjection<T> {
  private following: Following | undefined;
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly db: SqlDriver,
    private readonly source: RecordSource<T>,
    readonly checkpoints: ConsumerCheckpoints,
    private readonly options: ProjectionOptions<T>,
  ) {}

  /** Ready to follow: the checkpoint table exists; nothing is read until `start`. */
  static async open<T>(db: SqlDriver, source: RecordSource<T>, name: string, options: ProjectionOptions<T>): Promise<CheckpointedProjection<T>> {
    return new CheckpointedProjection(db, source, await ConsumerCheckpoints.open(db, name), options);
  }

  async start(): Promise<void> {
    this.following ??= await this.source.follow({
      name: this.checkpoints.consumer,
      resumeAfter: (stream) => this.checkpoints.position(stream),
      handle: (run, through) => this.applyRun(run, through),
      ...(this.options.categories ? { categories: this.options.categories } : {}),
      ...(this.options.pollIntervalMs !== undefined ? { pollIntervalMs: this.options.pollIntervalMs } : {}),
      ...(this.options.onError ? { onError: this.options.onError } : {}),
    });
  }

  async stop(): Promise<void> {
    await this.following?.stop();
    this.following = undefined;
  }

  /**
   * Read-your-writes: true once everything committed to the source before the call has been applied, false when that
   * took longer than `timeoutMs`. Another process may be the one applying it: the checkpoints tell.
   */
  async caughtUp(timeoutMs: number): Promise<boolean> {
    const ends = await this.source.ends();
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (await this.checkpoints.reached(ends)) return true;
      const left = until - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(left, 50));
        this.waiters.add(done);
      });
    }
  }

  /** `through`: the source read up to there (a filtered follow), so the checkpoint moves there with the run. */
  private async applyRun(run: readonly T[], through?: Cursor): Promise<void> {
    if (run.length === 0 && !through) return;
    const entries: { record?: T; stream: string; position: number }[] = run.map((record) => ({ record, ...this.source.cursorOf(record) }));
    if (through) entries.push({ ...through });
    const applied = await this.db.transaction(async (tx) => {
      const fresh = (await this.checkpoints.claim(tx, entries)).flatMap(({ record }) => (record === undefined ? [] : [record]));
      if (fresh.length > 0) await this.options.apply(fresh, tx);
      return fresh.length;
    });
    if (applied > 0) this.options.onCommitted?.();
    for (const wake of [...this.waiters]) wake();
  }
}
