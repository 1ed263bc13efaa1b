import { activeOn, inScope, ParticipantFacts, specialistOf } from './fidelity-facts';
import { Computed, scoredBy, unscored } from './fidelity-item';
import { Scope } from './fidelity-period';
import { round } from './fidelity-score';

const MEASURED =
  'participants on a caseload on the last day of the period, per employment specialist named in their enrolment; every specialist counts as full-time (working hours are not recorded)';

/** S1: active participants per full-time specialist. */
export function caseload(participants: readonly ParticipantFacts[], scope: Scope): Computed {
  const asOf = scope.period.to;
  const active = inScope(participants, scope).filter((facts) => activeOn(facts, asOf));
  const bySpecialist = new Map<string, number>();
  for (const facts of active) bySpecialist.set(specialistOf(facts), (bySpecialist.get(specialistOf(facts)) ?? 0) + 1);
  const perSpecialist = [...bySpecialist].map(([specialist, count]) => ({ specialist, caseload: count }));
  if (active.length === 0) return unscored(`no participant is on a caseload on ${asOf}`, { asOf, measured: MEASURED });
  const figures = {
    asOf,
    measured: MEASURED,
    activeParticipants: active.length,
    specialists: bySpecialist.size,
    participantsPerSpecialist: round(active.length / bySpecialist.size, 1),
    largestCaseload: Math.max(...perSpecialist.map((entry) => entry.caseload)),
    perSpecialist,
  };
  const drivers = active.map((facts) => ({
    participantId: facts.participantId,
    eventIds: [facts.enrolment?.eventId ?? ''],
    detail: `on ${specialistOf(facts)}'s caseload since ${facts.enrolment?.on}`,
  }));
  return scoredBy('S1', figures, drivers);
}
