import { addDays, Scope } from '../fidelity-period';
import { ended, enrolled, followAlong as contact, given, participantContact, started } from '../testing';
import { JobFacts } from '../fidelity-facts';
import { checksOf, followAlong } from './follow-along.item';

const START = '2026-02-02';
const scope: Scope = { period: { from: '2026-01-01', to: '2026-12-31' }, team: null }; // day 332 after START

/** Before the start, within 3 days, weekly in month 1, then mid-month for ten months. */
const FULL = [-2, 2, 10, 17, 24, ...Array.from({ length: 10 }, (_, m) => 43 + 30 * m)];
const MONTH_1_ONLY = [-2, 2, 10, 17, 24];

/** A participant with one job from START and follow-along on the given days after it; ended on `endDay` if given. */
const worker = (p: string, days: readonly number[], endDay?: number, ...extra: ReturnType<typeof contact>[]) =>
  given(
    p,
    enrolled(p, '2026-01-05'),
    started(p, `${p}-job`, START),
    ...days.filter((day) => endDay === undefined || day <= endDay).map((day) => contact(p, `${p}-job`, addDays(START, day))),
    ...(endDay !== undefined ? [ended(p, `${p}-job`, addDays(START, endDay))] : []),
    ...extra,
  );

describe('V12 time-unlimited follow-along', () => {
  it('is a 5 for contact before the start, within 3 days, weekly in month 1 and monthly after', () => {
    const result = followAlong([worker('a', FULL), worker('b', FULL)], scope);
    expect(result).toMatchObject({ score: 5, figures: { jobs: 2, followedFourMonthsPercent: 100 } });
    expect(result.drivers[0]?.detail).toBe('job started 2026-02-02: every check that applies met');
  });

  it('is a 4 without the contact before the start', () => {
    const result = followAlong([worker('a', FULL.slice(1))], scope);
    expect(result.score).toBe(4);
    expect(result.drivers[0]?.detail).toBe('job started 2026-02-02: no contact before the start');
  });

  it('reads "typical" as 80% of the jobs a check applies to', () => {
    const withoutBefore = (p: string) => worker(p, FULL.slice(1));
    const full = (p: string) => worker(p, FULL);
    expect(followAlong([full('a'), full('b'), full('c'), full('d'), withoutBefore('e')], scope).score).toBe(5);
    expect(followAlong([full('a'), full('b'), full('c'), withoutBefore('d'), withoutBefore('e')], scope).score).toBe(4);
  });

  it('wants a contact within 3 days after a job ends', () => {
    const end = 150;
    const lost = (contactDay: number) => worker('a', FULL, end, participantContact('a', addDays(START, contactDay), true));
    expect(followAlong([lost(end + 3)], scope)).toMatchObject({ score: 5, figures: { criteria: { afterJobLoss: { met: 1, checked: 1 } } } });
    const late = followAlong([lost(end + 4)], scope);
    expect(late).toMatchObject({ score: 4, figures: { criteria: { afterJobLoss: { met: 0, checked: 1 } } } });
    expect(late.drivers.at(-1)?.detail).toBe('job ended 2026-07-02: no contact within days of the job end');
  });

  it('is a 3 when at least half the workers are followed for four months, but not weekly then monthly', () => {
    const monthlyOnly = [2, 43, 73, 103];
    expect(followAlong([worker('a', monthlyOnly), worker('b', MONTH_1_ONLY.concat(50))], scope)).toMatchObject({
      score: 3,
      figures: { followedFourMonthsPercent: 50 },
    });
  });

  it('is a 2 when fewer than half are followed for four months, a 1 when nobody after month 1', () => {
    const some = followAlong([worker('a', [2, 103]), worker('b', MONTH_1_ONLY), worker('c', MONTH_1_ONLY)], scope);
    expect(some).toMatchObject({ score: 2, figures: { followedFourMonthsPercent: 33.3 } });
    expect(followAlong([worker('a', MONTH_1_ONLY), worker('b', MONTH_1_ONLY)], scope)).toMatchObject({
      score: 1,
      figures: { criteria: { afterMonth1: { met: 0, checked: 2 } } },
    });
  });

  it('waits for four months of a job before telling a 2 from a 3, but sees a 1 after two months', () => {
    const early: Scope = { ...scope, period: { from: '2026-01-01', to: addDays(START, 60) } };
    expect(followAlong([worker('a', [2, 10, 40])], early)).toMatchObject({ score: null, reason: expect.stringContaining('too early') });
    expect(followAlong([worker('a', MONTH_1_ONLY)], early).score).toBe(1);
    expect(followAlong([worker('a', FULL)], early).score).toBe(5);
  });

  it('has no score without jobs in the period', () => {
    expect(followAlong([given('a', enrolled('a', '2026-01-05'))], scope)).toMatchObject({ score: null, reason: 'no job held in the period' });
  });
});

describe('V12 checks of one job', () => {
  const job = (days: number[], to: string) => checksOf(worker('a', days).jobs[0] as JobFacts, to);

  it('finds the first contact within 3 days, not on the 4th', () => {
    expect(job([3], addDays(START, 10)).afterStart).toBe(true);
    expect(job([4], addDays(START, 10)).afterStart).toBe(false);
    expect(job([0], addDays(START, 10))).toMatchObject({ beforeStart: true, afterStart: false });
  });

  it('checks each week of month 1 once the month is over, and each full month after it', () => {
    expect(job([7, 14, 21, 28], addDays(START, 27)).weeklyMonth1).toBeNull();
    expect(job([7, 14, 21, 28], addDays(START, 28)).weeklyMonth1).toBe(true);
    expect(job([7, 15, 21, 28], addDays(START, 28)).weeklyMonth1).toBe(false);
    expect(job([29], addDays(START, 57)).monthlyAfter).toBeNull();
    expect(job([58], addDays(START, 58)).monthlyAfter).toBe(true);
    expect(job([58], addDays(START, 88)).monthlyAfter).toBe(false);
  });

  it('counts four months from a contact after day 90, once the job has lasted 120 days', () => {
    expect(job([91], addDays(START, 119)).fourMonths).toBeNull();
    expect(job([91], addDays(START, 120)).fourMonths).toBe(true);
    expect(job([90], addDays(START, 120)).fourMonths).toBe(false);
  });

  it('ignores contacts after the end of the period', () => {
    expect(job([2], addDays(START, 1)).beforeStart).toBe(false);
    expect(job([-1], addDays(START, 1)).beforeStart).toBe(true);
  });
});
