import { DELIVERY_POLICY, nextAttemptAfter } from './delivery-policy';

describe('delivery retries', () => {
  const now = new Date('2026-03-02T21:00:00.000Z');
  const after = (attempts: number) => nextAttemptAfter(now, attempts)?.toISOString() ?? null;

  it('backs off exponentially from 30 seconds', () => {
    expect([1, 2, 3, 4, 5].map(after)).toEqual([
      '2026-03-02T21:00:30.000Z',
      '2026-03-02T21:01:00.000Z',
      '2026-03-02T21:02:00.000Z',
      '2026-03-02T21:04:00.000Z',
      '2026-03-02T21:08:00.000Z',
    ]);
  });

  it('waits at most 15 minutes between attempts', () => {
    expect(after(7)).toBe('2026-03-02T21:15:00.000Z');
  });

  it('gives up after the last attempt', () => {
    expect(after(DELIVERY_POLICY.maxAttempts)).toBeNull();
  });
});
