import { benefitsPlanning } from './benefits-planning.item';
import { counselling, enrolled, given, started, termsChanged } from '../testing';
import { Scope } from '../fidelity-period';

const scope: Scope = { period: { from: '2026-01-01', to: '2026-06-30' }, team: null };

/** A participant whose job starts on 2026-03-16, counselled (or not) before it. */
const withJob = (p: string, counselledOn: string | null) =>
  given(p, enrolled(p, '2025-12-01'), ...(counselledOn ? [counselling(p, counselledOn)] : []), started(p, `${p}-job`, '2026-03-16'));

describe('V1 benefits planning', () => {
  it('is a 5 when every job start had counselling on or before its first day', () => {
    const result = benefitsPlanning([withJob('a', '2026-03-01'), withJob('b', '2026-03-16')], scope);
    expect(result).toMatchObject({ score: 5, figures: { jobStarts: 2, counselled: 2, counselledPercent: 100 } });
    expect(result.drivers[0]?.detail).toBe('job start 2026-03-16: counselling on 2026-03-01');
  });

  it('does not count counselling after the start as planning before it', () => {
    const result = benefitsPlanning([withJob('a', '2026-03-17')], scope);
    expect(result).toMatchObject({ score: 1, figures: { counselledPercent: 0 } });
    expect(result.drivers[0]).toMatchObject({ participantId: 'a', detail: 'job start 2026-03-16: no benefits counselling for it' });
  });

  it.each([
    [4, 3, 4],
    [4, 2, 3],
    [4, 1, 2],
    [5, 1, 1],
  ])('%i job starts, %i counselled → %i', (starts, planned, score) => {
    const participants = Array.from({ length: starts }, (_, i) => withJob(`p${i}`, i < planned ? '2026-03-10' : null));
    expect(benefitsPlanning(participants, scope).score).toBe(score);
  });

  it('wants new counselling for a later job: one held before the previous job does not count again', () => {
    const p = given('a', enrolled('a', '2025-12-01'), counselling('a', '2026-01-10'), started('a', 'j1', '2026-01-15'), started('a', 'j2', '2026-04-01'));
    expect(benefitsPlanning([p], scope)).toMatchObject({ score: 3, figures: { jobStarts: 2, counselled: 1, counselledPercent: 50 } });
  });

  it('counts counselling within 30 days either side of a terms change', () => {
    const change = (p: string, counselledOn: string) =>
      given(
        p,
        enrolled(p, '2025-10-01'),
        counselling(p, '2025-11-01'),
        started(p, `${p}-j`, '2025-11-02'),
        counselling(p, counselledOn),
        termsChanged(p, `${p}-j`, '2026-03-01'),
      );
    expect(benefitsPlanning([change('a', '2026-01-30')], scope)).toMatchObject({ score: 5, figures: { termsChanges: 1, jobStarts: 0 } });
    expect(benefitsPlanning([change('a', '2026-03-31')], scope).score).toBe(5);
    expect(benefitsPlanning([change('a', '2026-01-29')], scope).score).toBe(1);
    expect(benefitsPlanning([change('a', '2026-04-01')], scope).score).toBe(1);
  });

  it('has no score without a job start or terms change in the period', () => {
    expect(benefitsPlanning([withJob('a', '2026-03-01')], { ...scope, period: { from: '2026-04-01', to: '2026-06-30' } })).toMatchObject({
      score: null,
      reason: 'no job start or terms change in the period',
    });
  });
});
