import { parameterOf, Score } from '../fidelity-anchors';
import { Dated, isInScope, JobFacts, jobsHeldIn, ParticipantFacts } from '../fidelity-facts';
import { Driver, Tally, computedOver, unscored } from '../fidelity-item';
import { Scope, addDays, daysBetween, within } from '../fidelity-period';
import { percent } from '../fidelity-score';

const WEEK = 7;
const MONTH = 30;
const FIRST_MONTH = 4 * WEEK;

const MEASURED =
  'follow-along contacts of each job held in the period, by day after the first working day, up to the end of the period: before the start, within the first days, in each of the 4 weeks of month 1, in each full 30-day month after that (up to a year), in the fourth month or later; and a contact with the participant within days of each job end in the period. A check counts only for the jobs observed long enough for it';

export const CRITERIA = ['beforeStart', 'afterStart', 'weeklyMonth1', 'monthlyAfter', 'fourMonths', 'afterMonth1', 'afterJobLoss'] as const;
export type Criterion = (typeof CRITERIA)[number];

interface Checks {
  met: number;
  checked: number;
}

/** Each check for one job: true or false, or null when the job has not been observed long enough. */
export function checksOf(job: JobFacts, to: string): Record<Exclude<Criterion, 'afterJobLoss'>, boolean | null> {
  const afterStart = parameterOf('V12', 'daysAfterStart');
  const fourMonths = parameterOf('V12', 'fourMonthsDays');
  const year = parameterOf('V12', 'yearDays');
  const span = daysBetween(job.start.on, job.end && job.end.on < to ? job.end.on : to);
  const days = job.followAlong.filter((contact) => contact.on <= to).map((contact) => daysBetween(job.start.on, contact.on));
  const any = (from: number, until: number) => days.some((day) => day >= from && day <= until);
  const months = Array.from({ length: Math.max(0, Math.floor((Math.min(span, year) - FIRST_MONTH) / MONTH)) }, (_, m) => m);
  return {
    beforeStart: days.some((day) => day <= 0),
    afterStart: span >= afterStart ? any(1, afterStart) : null,
    weeklyMonth1: span >= FIRST_MONTH ? [0, 1, 2, 3].every((week) => any(week * WEEK + 1, (week + 1) * WEEK)) : null,
    monthlyAfter: months.length > 0 ? months.every((m) => any(FIRST_MONTH + m * MONTH + 1, FIRST_MONTH + (m + 1) * MONTH)) : null,
    fourMonths: span >= fourMonths ? days.some((day) => day > fourMonths - MONTH) : null,
    afterMonth1: span >= FIRST_MONTH + MONTH ? days.some((day) => day > FIRST_MONTH) : null,
  };
}

const LABELS: Record<Criterion, string> = {
  beforeStart: 'no contact before the start',
  afterStart: 'no contact in the first days',
  weeklyMonth1: 'not weekly in month 1',
  monthlyAfter: 'not monthly after month 1',
  fourMonths: 'no contact in month 4 or later',
  afterMonth1: 'no contact after month 1',
  afterJobLoss: 'no contact within days of the job end',
};

/** V12: follow-along before the start, within days, weekly in month 1, then monthly, and after a job loss, one participant at a time. */
export function followAlongTally(scope: Scope, withDrivers = true): Tally {
  const { to } = scope.period;
  const afterLoss = parameterOf('V12', 'daysAfterJobLoss');
  const tallies = Object.fromEntries(CRITERIA.map((criterion) => [criterion, { met: 0, checked: 0 }])) as Record<Criterion, Checks>;
  const count = (criterion: Criterion, value: boolean | null) => {
    if (value === null) return;
    tallies[criterion].checked++;
    if (value) tallies[criterion].met++;
  };
  const drivers: Driver[] = [];
  let jobs = 0;
  return {
    add(facts: ParticipantFacts) {
      if (!isInScope(facts, scope)) return;
      const contactsWith: Dated[] = [...facts.participantContacts, ...facts.jobs.flatMap((job) => job.followAlong)];
      for (const job of jobsHeldIn(facts, scope.period)) {
        jobs++;
        const checks = checksOf(job, to);
        for (const criterion of CRITERIA) if (criterion !== 'afterJobLoss') count(criterion, checks[criterion]);
        if (withDrivers) {
          const missed = Object.entries(checks)
            .filter(([, value]) => value === false)
            .map(([criterion]) => LABELS[criterion as Criterion]);
          drivers.push({
            participantId: facts.participantId,
            eventIds: [job.start.eventId, ...job.followAlong.filter((contact) => contact.on <= to).map((contact) => contact.eventId)],
            detail: `job started ${job.start.on}: ${missed.length > 0 ? missed.join(', ') : 'every check that applies met'}`,
          });
        }
        const end = job.end;
        if (end && within(end.on, scope.period) && daysBetween(end.on, to) >= afterLoss) {
          const contact = contactsWith.find((c) => c.on >= end.on && c.on <= addDays(end.on, afterLoss));
          count('afterJobLoss', contact !== undefined);
          if (!withDrivers) continue;
          drivers.push({
            participantId: facts.participantId,
            eventIds: [end.eventId, ...(contact ? [contact.eventId] : [])],
            detail: contact ? `job ended ${end.on}: contact on ${contact.on}` : `job ended ${end.on}: ${LABELS.afterJobLoss}`,
          });
        }
      }
    },
    result() {
      const criteria = Object.fromEntries(
        CRITERIA.map((criterion) => {
          const { met, checked } = tallies[criterion];
          return [criterion, { met, checked, percent: checked > 0 ? percent(met, checked) : null }];
        }),
      );
      const figures = {
        measured: MEASURED,
        jobs,
        followedFourMonthsPercent: criteria.fourMonths?.percent ?? null,
        criteria,
      };
      if (jobs === 0) return unscored('no job held in the period', figures);
      const score = scoreOf(tallies);
      if (score === null)
        return unscored(
          'no job observed for four months yet, and weekly-then-monthly follow-along does not hold: too early to tell a 2 from a 3',
          figures,
          drivers,
        );
      return { score, figures, drivers };
    },
  };
}

/** V12: follow-along before the start, within days, weekly in month 1, then monthly, and after a job loss. */
export const followAlong = computedOver(followAlongTally);

/** The rungs of the anchors, best first. */
export function scoreOf(tallies: Record<Criterion, Checks>): Score | null {
  const typical = parameterOf('V12', 'typicalShare');
  const half = parameterOf('V12', 'halfShare');
  const share = (criterion: Criterion) => (tallies[criterion].checked > 0 ? tallies[criterion].met / tallies[criterion].checked : null);
  const holds = (criterion: Criterion) => (share(criterion) ?? -1) >= typical;
  const noLossOrHolds = tallies.afterJobLoss.checked === 0 || holds('afterJobLoss');
  if (holds('beforeStart') && holds('afterStart') && holds('weeklyMonth1') && holds('monthlyAfter') && noLossOrHolds) return 5;
  if (holds('weeklyMonth1') && holds('monthlyAfter')) return 4;
  const noneAfterMonth1 = tallies.afterMonth1.checked > 0 && tallies.afterMonth1.met === 0;
  const fourMonths = share('fourMonths');
  // Between 2 and 3 only jobs observed for four months can tell.
  if (fourMonths === null) return noneAfterMonth1 ? 1 : null;
  if (fourMonths >= half) return 3;
  return noneAfterMonth1 ? 1 : 2;
}
