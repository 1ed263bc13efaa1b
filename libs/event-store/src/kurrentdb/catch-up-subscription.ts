import { Backoff, backoffDelay, defaultBackoff } from './kurrentdb.mapping';

/** A filtered feed's word that it has read up to `through` and that every record up to it that passes came before. */
export interface Passed {
  readonly through: number;
}

/** A live feed of whole batches after a position; `close` ends it (the client's subscription is cancelled). */
export interface Feed<T> {
  readonly batches: AsyncIterable<readonly T[] | Passed>;
  close(): Promise<void>;
}

export interface CatchUpOptions<T> {
  readonly open: (after: number) => Feed<T>;
  /** `through` (a filtered feed): the checkpoint may move there with the batch, which may then be empty. */
  readonly handle: (batch: readonly T[], through?: number) => Promise<void>;
  readonly positionOf: (item: T) => number;
  readonly loadCheckpoint: () => Promise<number>;
  readonly saveCheckpoint: (position: number) => Promise<void>;
  readonly backoff?: Backoff;
  readonly onError?: (error: unknown, attempt: number, delayMs: number) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface CatchUp {
  /** The position of the last batch handled (and checkpointed). */
  position(): number;
  stop(): Promise<void>;
}

/**
 * A catch-up subscription that outlives dropped connections: the client's subscription ends with an error
 * when the server goes away and does not come back by itself, so this loop subscribes again from the stored
 * checkpoint, after a doubling delay (reset once a batch went through). The checkpoint moves after the
 * handler succeeded: a failure means handling that batch again, never skipping it (at-least-once).
 */
export function startCatchUp<T>(options: CatchUpOptions<T>): CatchUp {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let stopped = false;
  let current: Feed<T> | undefined;
  let position = 0;
  let wakeUp: (() => void) | undefined;

  const run = async (): Promise<void> => {
    let attempt = 0;
    while (!stopped) {
      try {
        position = await options.loadCheckpoint();
        current = options.open(position);
        for await (const batch of current.batches) {
          if (stopped) continue;
          if ('through' in batch) {
            if (batch.through <= position) continue;
            await options.handle([], batch.through);
            await options.saveCheckpoint(batch.through);
            position = batch.through;
            continue;
          }
          if (batch.length === 0) continue;
          await options.handle(batch);
          const last = options.positionOf(batch[batch.length - 1] as T);
          await options.saveCheckpoint(last);
          position = last;
          attempt = 0;
        }
        if (!stopped) throw new Error('the subscription ended');
      } catch (error) {
        if (stopped) break;
        attempt++;
        const delay = backoffDelay(attempt, options.backoff ?? defaultBackoff);
        options.onError?.(error, attempt, delay);
        await Promise.race([sleep(delay), new Promise<void>((resolve) => (wakeUp = resolve))]);
      } finally {
        await current?.close().catch(() => undefined);
        current = undefined;
      }
    }
  };
  const loop = run();
  return {
    position: () => position,
    stop: async () => {
      stopped = true;
      wakeUp?.();
      await current?.close().catch(() => undefined);
      await loop;
    },
  };
}
