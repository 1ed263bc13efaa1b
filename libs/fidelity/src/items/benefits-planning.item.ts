import { parameterOf } from '../fidelity-anchors';
import { Dated, isInScope, ParticipantFacts } from '../fidelity-facts';
import { Driver, Tally, computedOver, scoredBy, unscored } from '../fidelity-item';
import { Scope, daysBetween, within } from '../fidelity-period';
import { percent } from '../fidelity-score';

const MEASURED =
  'job starts and terms changes (hours or wage) dated in the period; a job start counts as planned when benefits counselling was held on or before its first day and not before the previous job start (or the enrolment); a terms change when counselling was held within the window around its effective date';

interface Trigger {
  readonly kind: 'job start' | 'terms change';
  readonly event: Dated;
  readonly counselling: Dated | null;
}

function triggersOf(facts: ParticipantFacts, scope: Scope, windowDays: number): Trigger[] {
  const starts = facts.jobs.map((job) => job.start.on);
  const jobStarts = facts.jobs
    .filter((job) => within(job.start.on, scope.period))
    .map((job): Trigger => {
      const previous =
        starts
          .filter((start) => start < job.start.on)
          .sort()
          .at(-1) ??
        facts.enrolment?.on ??
        job.start.on;
      const counselling = facts.counselling.find((session) => session.on >= previous && session.on <= job.start.on) ?? null;
      return { kind: 'job start', event: job.start, counselling };
    });
  const changes = facts.jobs
    .flatMap((job) => job.termsChanges)
    .filter((change) => within(change.on, scope.period))
    .map((change): Trigger => {
      const counselling = facts.counselling.find((session) => Math.abs(daysBetween(change.on, session.on)) <= windowDays) ?? null;
      return { kind: 'terms change', event: change, counselling };
    });
  return [...jobStarts, ...changes];
}

/** V1: personal benefits counselling before every job start and when hours or pay change, one participant at a time. */
export function benefitsPlanningTally(scope: Scope, withDrivers = true): Tally {
  const windowDays = parameterOf('V1', 'termsChangeDays');
  const drivers: Driver[] = [];
  let triggers = 0;
  let counselled = 0;
  let jobStarts = 0;
  return {
    add(facts: ParticipantFacts) {
      if (!isInScope(facts, scope)) return;
      for (const trigger of triggersOf(facts, scope, windowDays)) {
        triggers++;
        if (trigger.kind === 'job start') jobStarts++;
        if (trigger.counselling) counselled++;
        if (!withDrivers) continue;
        drivers.push({
          participantId: facts.participantId,
          eventIds: [trigger.event.eventId, ...(trigger.counselling ? [trigger.counselling.eventId] : [])],
          detail: trigger.counselling
            ? `${trigger.kind} ${trigger.event.on}: counselling on ${trigger.counselling.on}`
            : `${trigger.kind} ${trigger.event.on}: no benefits counselling for it`,
        });
      }
    },
    result() {
      const figures = { measured: MEASURED, jobStarts, termsChanges: triggers - jobStarts, counselled, termsChangeWindowDays: windowDays };
      if (triggers === 0) return unscored('no job start or terms change in the period', figures);
      return scoredBy('V1', { ...figures, counselledPercent: percent(counselled, triggers) }, drivers);
    },
  };
}

/** V1: personal benefits counselling before every job start and when hours or pay change. */
export const benefitsPlanning = computedOver(benefitsPlanningTally);
