type Pending<Req, Res> = {
  readonly request: Req;
  readonly resolve: (result: Res) => void;
  readonly reject: (error: unknown) => void;
};

/** One outcome per request of a batch: a result, or the error for that request alone. */
export type BatchOutcome<Res> = { readonly ok: true; readonly value: Res } | { readonly ok: false; readonly error: unknown };

export interface GroupCommitOptions<Req> {
  readonly maxBatch: number;
  readonly maxInFlight: number;
  /** Requests with the same key never share a batch: the later one waits for the next, in order. */
  readonly keyOf?: (request: Req) => string;
}

/**
 * Collects requests that arrive while earlier batches are in flight and sends them together.
 * A lone request goes out at once (no waiting for company); under load, batches grow by themselves.
 */
export class GroupCommit<Req, Res> {
  private readonly queue: Pending<Req, Res>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly flush: (batch: readonly Req[]) => Promise<readonly BatchOutcome<Res>[]>,
    private readonly options: GroupCommitOptions<Req> = { maxBatch: 500, maxInFlight: 1 },
  ) {}

  submit(request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Sends on the next turn of the event loop, after every promise continuation queued now has run:
   * callers released by the last batch come back with their next requests before the next one leaves.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  private take(): Pending<Req, Res>[] {
    const { keyOf, maxBatch } = this.options;
    if (!keyOf) return this.queue.splice(0, maxBatch);
    const batch: Pending<Req, Res>[] = [];
    const keys = new Set<string>();
    const deferred: Pending<Req, Res>[] = [];
    for (const pending of this.queue) {
      const key = keyOf(pending.request);
      if (batch.length < maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(pending);
      } else {
        keys.add(key); // keeps a later request for this key behind the deferred one
        deferred.push(pending);
      }
    }
    this.queue.splice(0, this.queue.length, ...deferred);
    return batch;
  }

  private async send(batch: Pending<Req, Res>[]): Promise<void> {
    try {
      const outcomes = await this.flush(batch.map((pending) => pending.request));
      batch.forEach((pending, index) => {
        const outcome = outcomes[index];
        if (outcome?.ok) pending.resolve(outcome.value);
        else pending.reject(outcome ? outcome.error : new Error('no outcome for a batched request'));
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
