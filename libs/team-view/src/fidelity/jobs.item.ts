import { inScope, JobFacts, jobsHeldIn, ParticipantFacts } from './fidelity-facts';
import { Computed, Driver, scoredBy, unscored } from './fidelity-item';
import { Scope } from './fidelity-period';
import { percent } from './fidelity-score';

interface HeldJob {
  readonly participantId: string;
  readonly job: JobFacts;
}

const heldJobs = (participants: readonly ParticipantFacts[], scope: Scope): HeldJob[] =>
  inScope(participants, scope).flatMap((facts) => jobsHeldIn(facts, scope.period).map((job) => ({ participantId: facts.participantId, job })));

const NO_JOBS = 'no job held in the period';

/** Job titles are free text: case and spacing aside, two names for one kind of work count as two types. */
export const jobType = (title: string): string => title.trim().replace(/\s+/g, ' ').toLowerCase();

const driverOf = ({ participantId, job }: HeldJob, detail: string): Driver => ({
  participantId,
  eventIds: [job.start.eventId],
  detail,
});

/** V8: participants get different kinds of jobs. */
export function jobDiversity(participants: readonly ParticipantFacts[], scope: Scope): Computed {
  const jobs = heldJobs(participants, scope);
  const measured = 'jobs held on some day of the period; a job type is the job title, case and spacing aside (no occupation code is recorded)';
  if (jobs.length === 0) return unscored(NO_JOBS, { measured, jobs: 0 });
  const types = new Map<string, number>();
  for (const { job } of jobs) types.set(jobType(job.jobTitle), (types.get(jobType(job.jobTitle)) ?? 0) + 1);
  const figures = {
    measured,
    jobs: jobs.length,
    jobTypes: types.size,
    differentTypesPercent: percent(types.size, jobs.length),
    byType: Object.fromEntries(types),
  };
  return scoredBy('V8', figures, jobs.map((held) => driverOf(held, jobType(held.job.jobTitle))));
}

/** V9: jobs with many different employers. */
export function employerDiversity(participants: readonly ParticipantFacts[], scope: Scope): Computed {
  const jobs = heldJobs(participants, scope);
  const measured = 'jobs held on some day of the period, and how many different employers they are with';
  if (jobs.length === 0) return unscored(NO_JOBS, { measured, jobs: 0 });
  const employers = new Map<string, number>();
  for (const { job } of jobs) employers.set(job.employerId, (employers.get(job.employerId) ?? 0) + 1);
  const largest = Math.max(...employers.values());
  const figures = {
    measured,
    jobs: jobs.length,
    employers: employers.size,
    differentEmployersPercent: percent(employers.size, jobs.length),
    largestEmployerSharePercent: percent(largest, jobs.length),
  };
  return scoredBy('V9', figures, jobs.map((held) => driverOf(held, `employer ${held.job.employerId}`)));
}

/** V10: competitive jobs. The employer service accepts nothing else, so this checks that there are jobs at all. */
export function competitiveJobs(participants: readonly ParticipantFacts[], scope: Scope): Computed {
  const jobs = heldJobs(participants, scope);
  const measured =
    'jobs held on some day of the period; every placement is competitive by construction: the employer service refuses sheltered and unpaid work and wages below MINIMUM_HOURLY_WAGE. Whether a job is permanent is not recorded';
  if (jobs.length === 0) return unscored(NO_JOBS, { measured, jobs: 0 });
  const figures = { measured, jobs: jobs.length, competitiveJobs: jobs.length, competitivePercent: percent(jobs.length, jobs.length) };
  return scoredBy('V10', figures, jobs.map((held) => driverOf(held, `competitive: ${held.job.jobTitle}`)));
}
