import { isInScope, JobFacts, jobsHeldIn, ParticipantFacts } from '../fidelity-facts';
import { Driver, Tally, computedOver, scoredBy, unscored } from '../fidelity-item';
import { Scope } from '../fidelity-period';
import { percent } from '../fidelity-score';

interface HeldJob {
  readonly participantId: string;
  readonly job: JobFacts;
}

/** The jobs a participant in scope held on some day of the period. */
const heldJobsOf = (facts: ParticipantFacts, scope: Scope): HeldJob[] =>
  isInScope(facts, scope) ? jobsHeldIn(facts, scope.period).map((job) => ({ participantId: facts.participantId, job })) : [];

const NO_JOBS = 'no job held in the period';

/** Job titles are free text: case and spacing aside, two names for one kind of work count as two types. */
export const jobType = (title: string): string => title.trim().replace(/\s+/g, ' ').toLowerCase();

const driverOf = ({ participantId, job }: HeldJob, detail: string): Driver => ({
  participantId,
  eventIds: [job.start.eventId],
  detail,
});

/** V8: participants get different kinds of jobs, one participant at a time. */
export function jobDiversityTally(scope: Scope, withDrivers = true): Tally {
  const measured = 'jobs held on some day of the period; a job type is the job title, case and spacing aside (no occupation code is recorded)';
  const types = new Map<string, number>();
  const drivers: Driver[] = [];
  let jobs = 0;
  return {
    add(facts: ParticipantFacts) {
      for (const held of heldJobsOf(facts, scope)) {
        jobs++;
        const type = jobType(held.job.jobTitle);
        types.set(type, (types.get(type) ?? 0) + 1);
        if (withDrivers) drivers.push(driverOf(held, type));
      }
    },
    result() {
      if (jobs === 0) return unscored(NO_JOBS, { measured, jobs: 0 });
      const figures = { measured, jobs, jobTypes: types.size, differentTypesPercent: percent(types.size, jobs), byType: Object.fromEntries(types) };
      return scoredBy('V8', figures, drivers);
    },
  };
}

/** V8: participants get different kinds of jobs. */
export const jobDiversity = computedOver(jobDiversityTally);

/** V9: jobs with many different employers, one participant at a time. */
export function employerDiversityTally(scope: Scope, withDrivers = true): Tally {
  const measured = 'jobs held on some day of the period, and how many different employers they are with';
  const employers = new Map<string, number>();
  const drivers: Driver[] = [];
  let jobs = 0;
  return {
    add(facts: ParticipantFacts) {
      for (const held of heldJobsOf(facts, scope)) {
        jobs++;
        employers.set(held.job.employerId, (employers.get(held.job.employerId) ?? 0) + 1);
        if (withDrivers) drivers.push(driverOf(held, `employer ${held.job.employerId}`));
      }
    },
    result() {
      if (jobs === 0) return unscored(NO_JOBS, { measured, jobs: 0 });
      const largest = Math.max(...employers.values());
      const figures = {
        measured,
        jobs,
        employers: employers.size,
        differentEmployersPercent: percent(employers.size, jobs),
        largestEmployerSharePercent: percent(largest, jobs),
      };
      return scoredBy('V9', figures, drivers);
    },
  };
}

/** V9: jobs with many different employers. */
export const employerDiversity = computedOver(employerDiversityTally);

/** V10: competitive jobs, one participant at a time. The employer service accepts nothing else, so this checks that there are jobs at all. */
export function competitiveJobsTally(scope: Scope, withDrivers = true): Tally {
  const measured =
    'jobs held on some day of the period; every placement is competitive by construction: the employer service refuses sheltered and unpaid work and wages below MINIMUM_HOURLY_WAGE. Whether a job is permanent is not recorded';
  const drivers: Driver[] = [];
  let jobs = 0;
  return {
    add(facts: ParticipantFacts) {
      for (const held of heldJobsOf(facts, scope)) {
        jobs++;
        if (withDrivers) drivers.push(driverOf(held, `competitive: ${held.job.jobTitle}`));
      }
    },
    result() {
      if (jobs === 0) return unscored(NO_JOBS, { measured, jobs: 0 });
      const figures = { measured, jobs, competitiveJobs: jobs, competitivePercent: percent(jobs, jobs) };
      return scoredBy('V10', figures, drivers);
    },
  };
}

/** V10: competitive jobs. */
export const competitiveJobs = computedOver(competitiveJobsTally);
