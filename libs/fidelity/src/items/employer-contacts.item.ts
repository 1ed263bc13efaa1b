import { datedIn, isInScope, ParticipantFacts, specialistOf } from '../fidelity-facts';
import { Driver, Tally, computedOver, scoredBy, unscored } from '../fidelity-item';
import { Scope, periodDays } from '../fidelity-period';
import { round } from '../fidelity-score';

const MEASURED =
  'face-to-face employer contacts dated in the period, credited to the participant’s specialist; one visit to one employer on one day counts once even when recorded for several participants; divided by the specialists with a caseload in the period and the weeks of the period (a specialist who joined late counts for the whole period)';

/** V6: at least six face-to-face employer contacts per specialist per week, one participant at a time. */
export function employerContactsTally(scope: Scope, withDrivers = true): Tally {
  const visits = new Map<string, Set<string>>();
  const drivers: Driver[] = [];
  let otherKinds = 0;
  return {
    add(facts: ParticipantFacts) {
      if (!isInScope(facts, scope)) return;
      const specialist = specialistOf(facts);
      if (!visits.has(specialist)) visits.set(specialist, new Set());
      const contacts = datedIn(facts.employerContacts, scope.period);
      const faceToFace = contacts.filter((contact) => contact.faceToFace);
      otherKinds += contacts.length - faceToFace.length;
      for (const contact of faceToFace) visits.get(specialist)?.add(`${contact.employerId} ${contact.on}`);
      if (withDrivers && faceToFace.length > 0) {
        drivers.push({
          participantId: facts.participantId,
          eventIds: faceToFace.map((contact) => contact.eventId),
          detail: `${faceToFace.length} face-to-face employer contact${faceToFace.length === 1 ? '' : 's'} by ${specialist}`,
        });
      }
    },
    result() {
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
    },
  };
}

/** V6: at least six face-to-face employer contacts per specialist per week. */
export const employerContacts = computedOver(employerContactsTally);
