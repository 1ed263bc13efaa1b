import { activeOn, isInScope, ParticipantFacts, specialistOf } from '../fidelity-facts';
import { Driver, Tally, computedOver, scoredBy, unscored } from '../fidelity-item';
import { Scope } from '../fidelity-period';
import { round } from '../fidelity-score';

const MEASURED =
  'participants on a caseload on the last day of the period, per employment specialist named in their enrolment; every specialist counts as full-time (working hours are not recorded)';

/** S1: active participants per full-time specialist, one participant at a time. */
export function caseloadTally(scope: Scope, withDrivers = true): Tally {
  const asOf = scope.period.to;
  const bySpecialist = new Map<string, number>();
  const drivers: Driver[] = [];
  let active = 0;
  return {
    add(facts: ParticipantFacts) {
      if (!isInScope(facts, scope) || !activeOn(facts, asOf)) return;
      active++;
      bySpecialist.set(specialistOf(facts), (bySpecialist.get(specialistOf(facts)) ?? 0) + 1);
      if (withDrivers) {
        drivers.push({
          participantId: facts.participantId,
          eventIds: [facts.enrolment?.eventId ?? ''],
          detail: `on ${specialistOf(facts)}'s caseload since ${facts.enrolment?.on}`,
        });
      }
    },
    result() {
      const perSpecialist = [...bySpecialist].map(([specialist, count]) => ({ specialist, caseload: count }));
      if (active === 0) return unscored(`no participant is on a caseload on ${asOf}`, { asOf, measured: MEASURED });
      const figures = {
        asOf,
        measured: MEASURED,
        activeParticipants: active,
        specialists: bySpecialist.size,
        participantsPerSpecialist: round(active / bySpecialist.size, 1),
        largestCaseload: Math.max(...perSpecialist.map((entry) => entry.caseload)),
        perSpecialist,
      };
      return scoredBy('S1', figures, drivers);
    },
  };
}

/** S1: active participants per full-time specialist. */
export const caseload = computedOver(caseloadTally);
