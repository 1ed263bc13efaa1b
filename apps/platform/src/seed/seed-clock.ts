import { Clock } from '@ips/kernel';

/** Where the seed sets the platform's clock before each step of the year it writes. */
export interface SettableClock {
  set(instant: string): void;
}

/**
 * The embedded platform's clock while `npm run seed` writes a year of history: the time the seed last set, or the real
 * time once it follows again.
 */
export class SeedClock implements Clock, SettableClock {
  private current: Date | null = null;

  now(): Date {
    return this.current ? new Date(this.current) : new Date();
  }

  set(instant: string): void {
    this.current = new Date(instant);
  }

  /** Back to the real time. */
  follow(): void {
    this.current = null;
  }
}
