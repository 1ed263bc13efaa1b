import { HOURLY_WAGE, HOURS_PER_WEEK, withinBounds } from './number-fields';

describe('the bounds of a job’s terms', () => {
  it.each([0.25, 1, 37.5, 60, 100])('takes %p hours a week', (hours) => expect(withinBounds(hours, HOURS_PER_WEEK)).toBe(true));
  it.each([0, -1, 100.01, 168, 1e308, Infinity, NaN, 1e-7, 20.125, '20', null])('refuses %p hours a week', (hours) =>
    expect(withinBounds(hours, HOURS_PER_WEEK)).toBe(false),
  );
  it.each([0, 0.01, 230, 249.99, 10_000])('takes a wage of %p', (wage) => expect(withinBounds(wage, HOURLY_WAGE)).toBe(true));
  it.each([-0.01, 10_000.01, 1e308, -1e308, 1e21, 5e-324, 230.001, Number.MAX_SAFE_INTEGER])('refuses a wage of %p', (wage) =>
    expect(withinBounds(wage, HOURLY_WAGE)).toBe(false),
  );
});
