/** Retries with exponential back-off: 30 s, 1, 2, 4, 8 minutes, then every 15; after 8 attempts the delivery is failed. */
export const DELIVERY_POLICY = { firstRetryMs: 30_000, maxRetryMs: 15 * 60_000, maxAttempts: 8, leaseMs: 60_000 } as const;

/** When to try again after `attempts` failed attempts, or null when it is time to give up. */
export function nextAttemptAfter(now: Date, attempts: number): Date | null {
  if (attempts >= DELIVERY_POLICY.maxAttempts) return null;
  const delay = Math.min(DELIVERY_POLICY.firstRetryMs * 2 ** (attempts - 1), DELIVERY_POLICY.maxRetryMs);
  return new Date(now.getTime() + delay);
}
