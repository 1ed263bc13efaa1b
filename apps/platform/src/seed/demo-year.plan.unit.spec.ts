import { PHASES, YEAR_STARTS, planYear, sequence } from './demo-year.plan';

describe('the demo year’s plan', () => {
  const stories = planYear(sequence(20260302));

  it('is the same every time', () => {
    expect(planYear(sequence(20260302))).toEqual(stories);
    expect(stories.map((story) => story.phase)).toEqual([...PHASES]);
  });

  it('keeps each participant’s year in order: the team first, referral, enrolment, jobs, discharge, all before today', () => {
    for (const story of stories) {
      const lastDay = story.discharged ?? -1;
      const order = [YEAR_STARTS, story.referred, story.withdrawn ?? story.enrolled ?? story.referred];
      expect({ index: story.index, order: [...order].sort((a, b) => a - b) }).toEqual({ index: story.index, order });
      expect(story.referred).toBeGreaterThan(YEAR_STARTS);
      expect(lastDay).toBeLessThan(0);
      let previousEnd = story.enrolled ?? 0;
      for (const job of story.jobs) {
        // A first job 20 days or more after enrolment; a next one after the last ended.
        expect({ index: story.index, gap: job.start - previousEnd >= (previousEnd === story.enrolled ? 20 : 1) }).toEqual({ index: story.index, gap: true });
        expect(job.start).toBeLessThan(lastDay);
        if (job.end !== null) expect(job.end).toBeGreaterThanOrEqual(job.start + 30);
        previousEnd = job.end ?? job.start;
      }
      for (const flag of story.flags) {
        expect(flag.raised).toBeGreaterThan(story.enrolled as number);
        if (flag.cleared !== null) expect(flag.cleared).toBeLessThan(lastDay);
        if (flag.cleared !== null) expect(flag.cleared).toBeGreaterThan(flag.raised);
      }
    }
  });

  it('has the shape of a caseload: jobs for the employed, none for those still searching, four relapse flags standing', () => {
    const jobsOf = (phase: string) => stories.filter((story) => story.phase === phase).map((story) => story.jobs.length);
    expect(jobsOf('job-search').every((n) => n === 0)).toBe(true);
    expect(jobsOf('employed').every((n) => n >= 1)).toBe(true);
    expect(stories.flatMap((story) => story.jobs).length).toBe(20);
    expect(stories.flatMap((story) => story.flags).filter((flag) => flag.cleared === null)).toHaveLength(4);
  });
});
