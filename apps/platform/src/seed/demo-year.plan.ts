/** Where each of the 40 participants stands today: spread over the lifecycle as a real team's caseload would be. */
export const PHASES = [
  ...Array<Phase>(4).fill('referred'),
  'referral-withdrawn',
  ...Array<Phase>(7).fill('enrolled'),
  ...Array<Phase>(12).fill('job-search'),
  ...Array<Phase>(11).fill('employed'),
  ...Array<Phase>(3).fill('job-ended'),
  ...Array<Phase>(2).fill('discharged'),
] as const;

export type Phase = 'referred' | 'referral-withdrawn' | 'enrolled' | 'job-search' | 'employed' | 'job-ended' | 'discharged';

/** Days are offsets from today (−1 is yesterday); the seed moves weekends to the Friday before. */
export interface JobPlan {
  /** The first working day. */
  readonly start: number;
  /** The last working day; null while the job lasts. */
  readonly end: number | null;
  readonly endReason: 'contract-ended' | 'resigned' | 'dismissed' | 'health';
  /** Of the demo's employers, by position (spread, so no employer has more than a few of the team's jobs). */
  readonly employer: number;
  readonly hours: number;
  readonly wage: number;
  /** More hours from this day (and benefits counselling again). */
  readonly moreHoursFrom: number | null;
}

export interface FlagPlan {
  readonly raised: number;
  readonly level: 'watch' | 'elevated' | 'acute';
  /** Days after it is raised that the team looks at it again. */
  readonly reviewIn: number;
  /** Cleared on this day; null while it stands. */
  readonly cleared: number | null;
}

/** One participant's year, as the seed writes it. */
export interface Story {
  readonly index: number;
  readonly phase: Phase;
  readonly referred: number;
  readonly withdrawn: number | null;
  readonly enrolled: number | null;
  readonly discharged: number | null;
  readonly jobs: readonly JobPlan[];
  /** The first face-to-face employer contact, days after enrolment (rapid job search: within 30 as a rule). */
  readonly firstEmployerContactAfter: number;
  readonly treatmentTeam: boolean;
  readonly municipalServices: boolean;
  readonly flags: readonly FlagPlan[];
}

/** The first day of the demo's year: the teams are defined and staffed, before the first referral. */
export const YEAR_STARTS = -360;

/** A deterministic pseudo-random sequence (mulberry32): the same demo year every time. */
export function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The participants' year: referrals from the first weeks on, enrolment within days (zero exclusion), jobs a few
 * months after enrolment (the median IPS time to a first job), a few jobs that end and a new one after, two discharged
 * after most of a year in steady work, and relapse-risk flags raised and cleared along the way. Pure: the same random
 * sequence gives the same year.
 */
export function planYear(random: () => number): Story[] {
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  /** Enrolment to first job: 20 to 150 days, most around two to three months. */
  const daysToJob = (): number => 20 + Math.floor(random() * 55) + Math.floor(random() * 75);
  const job = (start: number, end: number | null): JobPlan => ({
    start,
    end,
    endReason: (['contract-ended', 'resigned', 'contract-ended', 'dismissed', 'health'] as const)[between(0, 4)] as JobPlan['endReason'],
    employer: between(0, 5),
    hours: 10 + between(0, 4) * 5,
    wage: 210 + between(0, 7) * 10,
    moreHoursFrom: null,
  });
  return PHASES.map((phase, index): Story => {
    const firstEmployerContactAfter = index % 8 === 5 ? between(31, 55) : between(4, 26);
    const base = {
      index,
      phase,
      withdrawn: null,
      discharged: null,
      jobs: [] as JobPlan[],
      firstEmployerContactAfter,
      treatmentTeam: index % 4 !== 3,
      municipalServices: index % 5 === 0,
      flags: [] as FlagPlan[],
    };
    const enrolledAt = (low: number, high: number) => {
      const enrolled = between(low, high);
      return { enrolled, referred: enrolled - between(2, 12) };
    };
    let story: Story;
    switch (phase) {
      case 'referred':
        return { ...base, referred: between(-24, -2), enrolled: null };
      case 'referral-withdrawn':
        return { ...base, referred: -230, withdrawn: -221, enrolled: null };
      case 'enrolled':
        story = { ...base, ...enrolledAt(-28, -5) };
        break;
      case 'job-search': {
        // Long job searches, started all through the year.
        const enrolled = -330 + (index - 12) * 25 + between(0, 15);
        story = { ...base, enrolled, referred: enrolled - between(2, 12) };
        break;
      }
      case 'employed': {
        // First jobs all through the year, a few months after each enrolment; every third lost a job and found another.
        const k = index - 24;
        if (k % 3 === 0) {
          const start = -300 + k * 15 + between(0, 20);
          const enrolled = Math.max(start - daysToJob(), -345);
          const end = start + between(45, 100);
          const next = Math.min(end + between(20, 60), -14);
          story = { ...base, enrolled, referred: enrolled - between(2, 12), jobs: [job(start, end), job(Math.max(next, end + 10), null)] };
        } else {
          const start = Math.min(-235 + k * 22 + between(-6, 6), -12);
          const enrolled = Math.max(start - daysToJob(), -340);
          const first = job(start, null);
          story = {
            ...base,
            enrolled,
            referred: enrolled - between(2, 12),
            jobs: [index % 4 === 1 && start <= -120 ? { ...first, moreHoursFrom: start + between(60, 100) } : first],
          };
        }
        break;
      }
      case 'job-ended': {
        const { enrolled, referred } = enrolledAt(-320, -170);
        const start = Math.min(enrolled + daysToJob(), -100);
        story = { ...base, enrolled, referred, jobs: [job(start, Math.max(between(-70, -12), start + 30))] };
        break;
      }
      case 'discharged': {
        const { enrolled, referred } = enrolledAt(-350, -335);
        story = { ...base, enrolled, referred, jobs: [job(enrolled + between(35, 80), null)], discharged: between(-30, -8) };
        break;
      }
      default: {
        const never: never = phase;
        return never;
      }
    }
    const enrolled = story.enrolled as number;
    const lastDay = story.discharged ?? -1;
    const flags: FlagPlan[] = [];
    const level = (): FlagPlan['level'] => (['watch', 'elevated', 'acute'] as const)[between(0, 2)] as FlagPlan['level'];
    // A worry the treatment team raised and cleared again some weeks later, for a few who have been long on the caseload.
    const raised = enrolled + between(40, 90);
    if (story.treatmentTeam && index % 6 === 1 && raised + 21 < lastDay - 5) {
      flags.push({ raised, level: level(), reviewIn: between(14, 21), cleared: Math.min(raised + between(21, 42), lastDay - 5) });
    }
    // The flags standing today, all on sentrum's participants (Maren Lie's).
    if (story.treatmentTeam && index % 7 === 2) {
      flags.push({ raised: Math.max(between(-20, -4), enrolled + 1), level: level(), reviewIn: between(14, 28), cleared: null });
    }
    return { ...story, flags };
  });
}
