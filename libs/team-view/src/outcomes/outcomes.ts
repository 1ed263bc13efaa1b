import { SharedEvent } from '@ips/contracts';
import { Career, Job, Terms, careerOf, outcomeFactsOf } from '../outcome-facts/outcome-facts.evolve';

/** Quarterly employment-rate benchmarks used by IPS programmes (domain.md). */
export const EMPLOYMENT_RATE_BENCHMARKS = { minimal: 0.31, average: 0.41, excellent: 0.5 } as const;

export interface Quarter {
  readonly label: string;
  /** First day, inclusive. */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
}

export function parseQuarter(label: string): Quarter | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!match) return null;
  const year = Number(match[1]);
  const q = Number(match[2]);
  const from = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const to = new Date(Date.UTC(year, q * 3, 0));
  return { label, from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

export const quarterOf = (date: Date): Quarter => parseQuarter(`${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`) as Quarter;

export interface Outcomes {
  readonly quarter: string;
  readonly participantsServed: number;
  readonly participantsEmployed: number;
  /** Employed at any time in the quarter ÷ served; null when nobody was served. */
  readonly employmentRate: number | null;
  readonly band: 'below-minimal' | 'minimal' | 'average' | 'excellent' | null;
  readonly jobStarts: { readonly first: number; readonly later: number };
  /** Days from enrolment to the first job, for first jobs that started in the quarter. */
  readonly medianDaysToFirstJob: number | null;
  /** Of the jobs held in the quarter, on the terms in force on the last day each was held in it (so far). */
  readonly averageHoursPerWeek: number | null;
  readonly averageHourlyWage: number | null;
  /** The benchmarks the rate is banded against (shown with it). */
  readonly benchmarks: typeof EMPLOYMENT_RATE_BENCHMARKS;
  /** Days in each served participant's longest job so far (to the quarter's end, or today in the current quarter), the median over those who had one. */
  readonly medianLongestJobTenureDays: number | null;
  /** Served participants in work on more than half the days of their follow-up (enrolment to the quarter's end, today or discharge). */
  readonly steadyWorkers: number;
  readonly steadyWorkerRate: number | null;
  /** Days from enrolment to discharge, for those discharged in the quarter. */
  readonly medianLengthOfStayDays: number | null;
}

/** The terms in force on `date`: the latest change effective by then. */
const termsOn = (job: Job, date: string): Terms => job.terms.filter((terms) => terms.from <= date).at(-1) ?? (job.terms[0] as Terms);

const DAY = 86_400_000;
const days = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const mean = (values: number[]): number | null => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null);
const median = (values: number[]): number | null => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** What one served participant adds to a quarter's figures. */
export interface Contribution {
  readonly employed: boolean;
  readonly firstStart: boolean;
  readonly laterStarts: number;
  readonly daysToFirstJob: number | null;
  /** Of each job held in the quarter, the terms in force on the last day it was held in it (so far). */
  readonly hours: readonly number[];
  readonly wages: readonly number[];
  /** Days in the longest job so far; null when no job had started by the end of the follow-up. */
  readonly longestTenure: number | null;
  readonly steady: boolean;
  /** Days from enrolment to discharge, when discharged in the quarter. */
  readonly lengthOfStay: number | null;
}

/**
 * What a participant adds to the quarter's figures, or null when not served in it (not enrolled by its end, or
 * discharged before it). Every placement is competitive work (the employer service refuses anything else), so
 * "employed" means a placement active on any day of the quarter. `today` (YYYY-MM-DD) ends the current quarter's
 * follow-up: what is "so far" cannot run ahead.
 */
export function contributionOf({ enrolledOn, dischargedOn, jobs }: Career, quarter: Quarter, today: string): Contribution | null {
  if (!enrolledOn || enrolledOn > quarter.to || (dischargedOn !== null && dischargedOn < quarter.from)) return null;
  const lastDay = today < quarter.to ? today : quarter.to;
  const followUpEnd = dischargedOn !== null && dischargedOn < lastDay ? dischargedOn : lastDay;
  const tenures = jobs.filter((job) => job.start <= followUpEnd).map((job) => daysInWork([job], job.start, followUpEnd));
  const active = jobs.filter((job) => job.start <= quarter.to && (job.end === null || job.end >= quarter.from));
  const termsHeld = active.map((job) => termsOn(job, job.end !== null && job.end < lastDay ? job.end : lastDay));
  const inQuarter = (job: Job): boolean => job.start >= quarter.from && job.start <= quarter.to;
  const first = jobs[0];
  const firstStart = first !== undefined && inQuarter(first);
  return {
    employed: active.length > 0,
    firstStart,
    laterStarts: jobs.slice(1).filter(inQuarter).length,
    daysToFirstJob: firstStart ? days(enrolledOn, first.start) : null,
    hours: termsHeld.map((terms) => terms.hours),
    wages: termsHeld.map((terms) => terms.wage),
    longestTenure: tenures.length > 0 ? Math.max(...tenures) : null,
    steady: daysInWork(jobs, enrolledOn, followUpEnd) * 2 > days(enrolledOn, followUpEnd) + 1,
    lengthOfStay: dischargedOn !== null && dischargedOn >= quarter.from && dischargedOn <= quarter.to ? days(enrolledOn, dischargedOn) : null,
  };
}

/** The served participants' contributions to a quarter, summed where they add up and listed where a median needs them. */
export class OutcomeTally {
  served = 0;
  employed = 0;
  firstStarts = 0;
  laterStarts = 0;
  steady = 0;
  readonly daysToFirstJob: number[] = [];
  readonly hours: number[] = [];
  readonly wages: number[] = [];
  readonly longestTenures: number[] = [];
  readonly lengthsOfStay: number[] = [];

  add(contribution: Contribution): this {
    this.served++;
    if (contribution.employed) this.employed++;
    if (contribution.firstStart) this.firstStarts++;
    this.laterStarts += contribution.laterStarts;
    if (contribution.steady) this.steady++;
    if (contribution.daysToFirstJob !== null) this.daysToFirstJob.push(contribution.daysToFirstJob);
    this.hours.push(...contribution.hours);
    this.wages.push(...contribution.wages);
    if (contribution.longestTenure !== null) this.longestTenures.push(contribution.longestTenure);
    if (contribution.lengthOfStay !== null) this.lengthsOfStay.push(contribution.lengthOfStay);
    return this;
  }

  /** This tally and others, as one (in this order). */
  static merge(tallies: readonly OutcomeTally[]): OutcomeTally {
    const merged = new OutcomeTally();
    for (const tally of tallies) {
      merged.served += tally.served;
      merged.employed += tally.employed;
      merged.firstStarts += tally.firstStarts;
      merged.laterStarts += tally.laterStarts;
      merged.steady += tally.steady;
      for (const key of ['daysToFirstJob', 'hours', 'wages', 'longestTenures', 'lengthsOfStay'] as const) {
        for (const value of tally[key]) merged[key].push(value);
      }
    }
    return merged;
  }
}

/** The outcome figures of a quarter from its tally. */
export function outcomesOf(tally: OutcomeTally, quarter: Quarter): Outcomes {
  const { served, employed, steady } = tally;
  const rate = served ? Math.round((employed / served) * 1000) / 1000 : null;
  const band =
    rate === null
      ? null
      : rate >= EMPLOYMENT_RATE_BENCHMARKS.excellent
        ? 'excellent'
        : rate >= EMPLOYMENT_RATE_BENCHMARKS.average
          ? 'average'
          : rate >= EMPLOYMENT_RATE_BENCHMARKS.minimal
            ? 'minimal'
            : 'below-minimal';
  return {
    quarter: quarter.label,
    participantsServed: served,
    participantsEmployed: employed,
    employmentRate: rate,
    band,
    jobStarts: { first: tally.firstStarts, later: tally.laterStarts },
    medianDaysToFirstJob: median(tally.daysToFirstJob),
    averageHoursPerWeek: mean(tally.hours),
    averageHourlyWage: mean(tally.wages),
    benchmarks: EMPLOYMENT_RATE_BENCHMARKS,
    medianLongestJobTenureDays: median(tally.longestTenures),
    steadyWorkers: steady,
    steadyWorkerRate: served ? Math.round((steady / served) * 1000) / 1000 : null,
    medianLengthOfStayDays: median(tally.lengthsOfStay),
  };
}

/** Tallies each participant's events (each in timeline order) for a quarter. */
export function tallyOfEvents(participants: readonly (readonly SharedEvent[])[], quarter: Quarter, today: string): OutcomeTally {
  const tally = new OutcomeTally();
  for (const events of participants) {
    const contribution = contributionOf(careerOf(outcomeFactsOf(events)), quarter, today);
    if (contribution) tally.add(contribution);
  }
  return tally;
}

/** Outcome figures for one quarter from each participant's shared events (each in timeline order): the fold the stored facts keep. */
export function outcomesFor(participants: readonly (readonly SharedEvent[])[], quarter: Quarter, today: string): Outcomes {
  return outcomesOf(tallyOfEvents(participants, quarter, today), quarter);
}

/** Days from `from` to `to` (both included) on which at least one of the jobs was held. */
function daysInWork(jobs: readonly Job[], from: string, to: string): number {
  const spans = jobs
    .map((job) => [job.start > from ? job.start : from, job.end !== null && job.end < to ? job.end : to] as const)
    .filter(([start, end]) => start <= end)
    .sort((a, b) => a[0].localeCompare(b[0]));
  let total = 0;
  let coveredTo: string | null = null;
  for (const [start, end] of spans) {
    if (coveredTo !== null && end <= coveredTo) continue;
    const begin = coveredTo !== null && start <= coveredTo ? addDay(coveredTo) : start;
    total += days(begin, end) + 1;
    coveredTo = end;
  }
  return total;
}

const addDay = (date: string): string => new Date(Date.parse(date) + DAY).toISOString().slice(0, 10);

export function outcomesCsv(outcomes: Outcomes): string {
  const rows: [string, string | number | null][] = [
    ['quarter', outcomes.quarter],
    ['participantsServed', outcomes.participantsServed],
    ['participantsEmployed', outcomes.participantsEmployed],
    ['employmentRate', outcomes.employmentRate],
    ['band', outcomes.band],
    ['firstJobStarts', outcomes.jobStarts.first],
    ['laterJobStarts', outcomes.jobStarts.later],
    ['medianDaysToFirstJob', outcomes.medianDaysToFirstJob],
    ['averageHoursPerWeek', outcomes.averageHoursPerWeek],
    ['averageHourlyWage', outcomes.averageHourlyWage],
    ['medianLongestJobTenureDays', outcomes.medianLongestJobTenureDays],
    ['steadyWorkers', outcomes.steadyWorkers],
    ['steadyWorkerRate', outcomes.steadyWorkerRate],
    ['medianLengthOfStayDays', outcomes.medianLengthOfStayDays],
    ['benchmarkMinimal', outcomes.benchmarks.minimal],
    ['benchmarkAverage', outcomes.benchmarks.average],
    ['benchmarkExcellent', outcomes.benchmarks.excellent],
  ];
  return `measure,value\n${rows.map(([measure, value]) => `${measure},${value ?? ''}`).join('\n')}\n`;
}
