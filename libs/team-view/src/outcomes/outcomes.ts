import { KnownSharedEvent, SharedEvent } from '@ips/contracts';

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

export const quarterOf = (date: Date): Quarter =>
  parseQuarter(`${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`) as Quarter;

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

interface Terms {
  /** Effective from this day. */
  readonly from: string;
  readonly hours: number;
  readonly wage: number;
}

interface Job {
  readonly start: string;
  end: string | null;
  /** The terms at the start, then each change, by the day they take effect (of two on one day, the later recorded last). */
  readonly terms: Terms[];
}

/** The terms in force on `date`: the latest change effective by then. */
const termsOn = (job: Job, date: string): Terms => job.terms.filter((terms) => terms.from <= date).at(-1) ?? (job.terms[0] as Terms);

const DAY = 86_400_000;
const days = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const mean = (values: number[]): number | null =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
const median = (values: number[]): number | null => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

function careerOf(events: readonly SharedEvent[]) {
  let enrolledOn: string | null = null;
  let dischargedOn: string | null = null;
  const jobs = new Map<string, Job>();
  for (const event of events as readonly KnownSharedEvent[]) {
    switch (event.type) {
      case 'ParticipantEnrolled':
        enrolledOn = event.occurredAt.slice(0, 10);
        break;
      case 'ParticipantDischarged':
        dischargedOn = event.occurredAt.slice(0, 10);
        break;
      case 'PlacementStarted':
        jobs.set(event.data.placementId, {
          start: event.data.startDate,
          end: null,
          terms: [{ from: event.data.startDate, hours: event.data.hoursPerWeek, wage: event.data.hourlyWage }],
        });
        break;
      case 'PlacementTermsChanged': {
        jobs.get(event.data.placementId)?.terms.push({ from: event.data.effectiveFrom, hours: event.data.hoursPerWeek, wage: event.data.hourlyWage });
        break;
      }
      case 'PlacementEnded': {
        const job = jobs.get(event.data.placementId);
        if (job) job.end = event.data.endDate;
        break;
      }
      default:
        break;
    }
  }
  for (const job of jobs.values()) job.terms.sort((a, b) => a.from.localeCompare(b.from)); // stable: recorded order within a day
  return { enrolledOn, dischargedOn, jobs: [...jobs.values()].sort((a, b) => a.start.localeCompare(b.start)) };
}

/**
 * Outcome figures for one quarter from each participant's shared events. Every placement is competitive
 * work (the employer service refuses anything else), so "employed" means a placement active on any day
 * of the quarter. `today` (YYYY-MM-DD) ends the current quarter's follow-up: what is "so far" cannot run ahead.
 */
export function outcomesFor(participants: readonly (readonly SharedEvent[])[], quarter: Quarter, today: string): Outcomes {
  const lastDay = today < quarter.to ? today : quarter.to;
  let served = 0;
  let employed = 0;
  let firstStarts = 0;
  let laterStarts = 0;
  const daysToFirstJob: number[] = [];
  const hours: number[] = [];
  const wages: number[] = [];
  const longestTenures: number[] = [];
  const lengthsOfStay: number[] = [];
  let steady = 0;
  for (const events of participants) {
    const { enrolledOn, dischargedOn, jobs } = careerOf(events);
    if (!enrolledOn || enrolledOn > quarter.to || (dischargedOn !== null && dischargedOn < quarter.from)) continue;
    served++;
    const followUpEnd = dischargedOn !== null && dischargedOn < lastDay ? dischargedOn : lastDay;
    const tenures = jobs.filter((job) => job.start <= followUpEnd).map((job) => daysInWork([job], job.start, followUpEnd));
    if (tenures.length > 0) longestTenures.push(Math.max(...tenures));
    if (daysInWork(jobs, enrolledOn, followUpEnd) * 2 > days(enrolledOn, followUpEnd) + 1) steady++;
    if (dischargedOn !== null && dischargedOn >= quarter.from && dischargedOn <= quarter.to) lengthsOfStay.push(days(enrolledOn, dischargedOn));
    const active = jobs.filter((job) => job.start <= quarter.to && (job.end === null || job.end >= quarter.from));
    if (active.length > 0) employed++;
    for (const job of active) {
      const terms = termsOn(job, job.end !== null && job.end < lastDay ? job.end : lastDay);
      hours.push(terms.hours);
      wages.push(terms.wage);
    }
    jobs.forEach((job, index) => {
      if (job.start < quarter.from || job.start > quarter.to) return;
      if (index === 0) {
        firstStarts++;
        daysToFirstJob.push(days(enrolledOn, job.start));
      } else {
        laterStarts++;
      }
    });
  }
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
    jobStarts: { first: firstStarts, later: laterStarts },
    medianDaysToFirstJob: median(daysToFirstJob),
    averageHoursPerWeek: mean(hours),
    averageHourlyWage: mean(wages),
    benchmarks: EMPLOYMENT_RATE_BENCHMARKS,
    medianLongestJobTenureDays: median(longestTenures),
    steadyWorkers: steady,
    steadyWorkerRate: served ? Math.round((steady / served) * 1000) / 1000 : null,
    medianLengthOfStayDays: median(lengthsOfStay),
  };
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
