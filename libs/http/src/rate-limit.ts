import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ProblemException } from './problem';

/**
 * A fixed budget of attempts per key and minute (rate-limiter-flexible, in this process's memory: each
 * service counts its own; the library's PostgreSQL store would share the count between processes).
 */
export class RateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(
    readonly perMinute: number,
    private readonly code: string,
    private readonly detail: string,
  ) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  /** Counts one attempt; 429 problem+json once the key has used up its minute. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (rejection) {
      throw this.tooMany(rejection as RateLimiterRes);
    }
  }

  private tooMany(state: RateLimiterRes): ProblemException {
    const retryAfter = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    return ProblemException.of(429, this.code, `${this.detail}; try again in ${retryAfter} s`).withHeaders({ 'retry-after': String(retryAfter) });
  }
}
