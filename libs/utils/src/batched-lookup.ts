import { GroupCommit } from './group-commit';

export interface BatchedLookupOptions {
  /** Most keys asked in one go. */
  readonly maxBatch?: number;
  /** Lookups under way at once; more wait and join the next. One suits an engine with one connection (PGlite). */
  readonly maxInFlight?: number;
}

/**
 * Point lookups asked at the same time answered by one query: `load` gets the distinct keys of everyone who asked
 * while the previous query ran and returns what it found (a key it leaves out gets `missing`). A lone lookup
 * goes out at once, so nothing waits for company; under load one statement serves many requests.
 */
export class BatchedLookup<K, V> {
  private readonly batches: GroupCommit<K, V>;

  constructor(load: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>, missing: V, options: BatchedLookupOptions = {}) {
    this.batches = new GroupCommit<K, V>(
      async (keys) => {
        const found = await load([...new Set(keys)]);
        return keys.map((key) => ({ ok: true, value: found.has(key) ? (found.get(key) as V) : missing }));
      },
      { maxBatch: options.maxBatch ?? 500, maxInFlight: options.maxInFlight ?? 1 },
    );
  }

  get(key: K): Promise<V> {
    return this.batches.submit(key);
  }
}
