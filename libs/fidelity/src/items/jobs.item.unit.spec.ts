import { ended, enrolled, given, started } from '../testing';
import { Scope } from '../fidelity-period';
import { competitiveJobs, employerDiversity, jobDiversity, jobType } from './jobs.item';

const scope: Scope = { period: { from: '2026-01-01', to: '2026-03-31' }, team: null };

/** One participant per job, each started on 2026-02-01. */
const jobs = (...specs: { title?: string; employer?: string }[]) =>
  specs.map((spec, i) =>
    given(`p${i}`, enrolled(`p${i}`, '2025-12-01'), started(`p${i}`, `j${i}`, '2026-02-01', { jobTitle: spec.title, employerId: spec.employer })),
  );
const titled = (...titles: string[]) => jobs(...titles.map((title) => ({ title })));
const at = (...employers: string[]) => jobs(...employers.map((employer) => ({ employer })));
const distinct = (count: number, ofJobs: number, prefix: string) => Array.from({ length: ofJobs }, (_, i) => `${prefix}${Math.min(i, count - 1)}`);

describe('V8 job diversity', () => {
  it.each([
    [17, 20, 5, 85],
    [16, 20, 4, 80],
    [14, 20, 4, 70],
    [13, 20, 3, 65],
    [12, 20, 3, 60],
    [11, 20, 2, 55],
    [10, 20, 2, 50],
    [9, 20, 1, 45],
  ])('%i job types among %i jobs score %i (%i%%)', (types, count, score, share) => {
    const result = jobDiversity(titled(...distinct(types, count, 'job ')), scope);
    expect(result).toMatchObject({ score, figures: { jobs: count, jobTypes: types, differentTypesPercent: share } });
  });

  it('reads a job title as its type, case and spacing aside', () => {
    expect(jobType('  Warehouse   Worker ')).toBe('warehouse worker');
    expect(jobDiversity(titled('Cook', 'cook ', 'Baker', 'Driver'), scope).figures).toMatchObject({ jobTypes: 3, byType: { cook: 2, baker: 1, driver: 1 } });
  });

  it('counts jobs held on some day of the period, ended ones too, not those ended before it', () => {
    const before = given('a', enrolled('a', '2025-01-01'), started('a', 'j', '2025-02-01', { jobTitle: 'Old' }), ended('a', 'j', '2025-12-31'));
    const during = given('b', enrolled('b', '2025-01-01'), started('b', 'j', '2025-02-01', { jobTitle: 'Kept' }), ended('b', 'j', '2026-01-01'));
    expect(jobDiversity([before, during], scope).figures).toMatchObject({ jobs: 1, byType: { kept: 1 } });
    expect(jobDiversity([], scope)).toMatchObject({ score: null, reason: 'no job held in the period' });
  });
});

describe('V9 employer diversity', () => {
  it.each([
    [17, 20, 5],
    [16, 20, 4],
    [14, 20, 4],
    [13, 20, 3],
    [12, 20, 3],
    [11, 20, 2],
    [10, 20, 2],
    [9, 20, 1],
  ])('%i employers among %i jobs score %i', (employers, count, score) => {
    expect(employerDiversity(at(...distinct(employers, count, 'emp-')), scope).score).toBe(score);
  });

  it('shows the largest employer’s share, and names each job’s employer', () => {
    const result = employerDiversity(at('a', 'a', 'b', 'c'), scope);
    expect(result).toMatchObject({ score: 4, figures: { employers: 3, differentEmployersPercent: 75, largestEmployerSharePercent: 50 } });
    expect(result.drivers.map((driver) => driver.detail)).toEqual(['employer a', 'employer a', 'employer b', 'employer c']);
  });
});

describe('V10 competitive jobs', () => {
  it('is a 5 whenever there are jobs: every placement is competitive by construction, and says so', () => {
    const result = competitiveJobs(titled('Cook', 'Baker'), scope);
    expect(result).toMatchObject({ score: 5, figures: { jobs: 2, competitiveJobs: 2, competitivePercent: 100 } });
    expect(result.figures.measured).toContain('competitive by construction');
  });

  it('has no score without jobs', () => {
    expect(competitiveJobs([], scope)).toMatchObject({ score: null, reason: 'no job held in the period' });
  });
});
