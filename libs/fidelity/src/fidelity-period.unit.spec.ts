import { addDays, daysBetween, periodDays, resolvePeriod } from './fidelity-period';

describe('the period of a fidelity review', () => {
  it('is the 90 days up to today by default, both ends included', () => {
    const period = resolvePeriod(undefined, undefined, '2026-03-31');
    expect(period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodDays(period as { from: string; to: string })).toBe(90);
  });

  it('takes 90 days back from `to`, or up to today from `from`', () => {
    expect(resolvePeriod(undefined, '2026-01-31', '2026-03-31')).toEqual({ from: '2025-11-03', to: '2026-01-31' });
    expect(resolvePeriod('2026-03-01', undefined, '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(resolvePeriod('2026-03-31', '2026-03-31', '2026-03-31')).toEqual({ from: '2026-03-31', to: '2026-03-31' });
  });

  it('refuses a period that ends after today or starts after it ends', () => {
    expect(resolvePeriod(undefined, '2026-04-01', '2026-03-31')).toEqual([{ field: 'to', message: 'must not be after today (2026-03-31)' }]);
    expect(resolvePeriod('2026-03-02', '2026-03-01', '2026-03-31')).toEqual([{ field: 'from', message: 'must not be after to (2026-03-01)' }]);
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
  });
});
