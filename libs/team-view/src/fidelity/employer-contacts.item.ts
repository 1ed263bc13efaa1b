import { datedIn, inScope, ParticipantFacts, specialistOf } from './fidelity-facts';
import { Computed, Driver, scoredBy, unscored } from './fidelity-item';
import { Scope, periodDays } from './fidelity-period';
import { round } from './fidelity-score';

const MEASURED =
  'face-to-face employer contacts dated in the period, credited to the participant’s specialist; one visit to one employer on one day counts once even when recorded for several participants; divided by the specialists with a caseload in the period and the weeks of the period (a specialist who joined late counts for the whole period)';

/** V6: at least six face-to-face employer contacts per specialist per week. */
export function employerContacts(participants: readonly ParticipantFacts[], scope: Scope): Computed {
  const served = inScope(participants, scope);
  const visits = new Map<string, Set<string>>();
  const drivers: Driver[] = [];
  let otherKinds = 0;
  for (const facts of served) {
    const specialist = specialistOf(facts);
    if (!visits.has(specialist)) visits.set(specialist, new Set());
    const contacts = datedIn(facts.employerContacts, scope.period);
    const faceToFace = contacts.filter((contact) => contact.faceToFace);
    otherKinds += contacts.length - faceToFace.length;
    for (const contact of faceToFace) visits.get(specialist)?.add(`${contact.employerId} ${contact.on}`);
    if (faceToFace.length > 0) {
      drivers.push({
        participantId: facts.participantId,
        eventIds: faceToFace.map((contact) => contact.eventId),
        detail: `${faceToFace.length} face-to-face employer contact${faceToFace.length === 1 ? '' : 's'} by ${specialist}`,
      });
    }
  }
  const weeks = round(periodDays(scope.period) / 7, 2);
  if (visits.size === 0) return unscored('no specialist had a caseload in the period', { measured: MEASURED, weeks });
  const perSpecialist = [...visits].map(([specialist, set]) => ({
    specialist,
    faceToFaceContacts: set.size,
    perWeek: round(set.size / weeks, 2),
  }));
  const total = perSpecialist.reduce((sum, entry) => sum + entry.faceToFaceContacts, 0);
  const figures = {
    measured: MEASURED,
    weeks,
    specialists: visits.size,
    faceToFaceContacts: total,
    otherKinds,
    perSpecialistPerWeek: round(total / visits.size / weeks, 2),
    perSpecialist,
  };
  return scoredBy('V6', figures, drivers);
}
