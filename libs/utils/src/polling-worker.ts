export interface PollingWorkerOptions {
  /** Does one unit of work; resolves true when it found something, so the next step follows at once. */
  readonly step: () => Promise<boolean>;
  readonly idleDelayMs: number;
  readonly maxErrorDelayMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs `step` until stopped: again at once after work, after `idleDelayMs` (or a `wake()`) when idle,
 * with growing back-off after errors. Nothing is dropped on an error: the step simply runs again.
 */
export class PollingWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private idleWaiters: Array<() => void> = [];
  private woken = false;
  private idleSleep = false;

  constructor(private readonly options: PollingWorkerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Ask for a step soon, e.g. right after a local commit, instead of waiting for the poll. */
  wake(): void {
    this.woken = true;
    if (this.idleSleep) this.wakeUp?.();
  }

  /** Resolves once a step has found nothing to do after this call. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.wake();
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let errors = 0;
    while (this.running) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      this.woken = false;
      let delay = 0;
      try {
        const worked = await this.options.step();
        errors = 0;
        if (!worked) {
          waiters.forEach((resolve) => resolve());
          delay = this.options.idleDelayMs;
        } else {
          this.idleWaiters.unshift(...waiters);
        }
      } catch (error) {
        this.idleWaiters.unshift(...waiters);
        errors++;
        this.options.onError?.(error);
        delay = Math.min(this.options.maxErrorDelayMs ?? 5_000, 50 * 2 ** Math.min(errors, 10));
      }
      const idle = errors === 0;
      if (delay > 0 && this.running && !(idle && this.woken)) {
        this.idleSleep = idle;
        await this.sleep(delay);
        this.idleSleep = false;
      }
    }
    this.idleWaiters.forEach((resolve) => resolve());
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
