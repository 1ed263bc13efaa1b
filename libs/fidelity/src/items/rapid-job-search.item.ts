import { bandOf } from '../fidelity-anchors';
import { activeOn, isInScope, ParticipantFacts } from '../fidelity-facts';
import { Driver, Tally, computedOver, scoredBy, unscored } from '../fidelity-item';
import { Scope, daysBetween, within } from '../fidelity-period';
import { round } from '../fidelity-score';

const MEASURED =
  'days from enrolment to the first face-to-face employer contact, for first contacts dated in the period; participants still without one at the end of the period and already past the score-5 limit count with their days so far (a lower bound: the true mean can only be higher)';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** V4: the first face-to-face employer contact within 30 days of entry, one participant at a time. */
export function rapidJobSearchTally(scope: Scope, withDrivers = true): Tally {
  const limit = bandOf('V4', 5).bound as number;
  const days: number[] = [];
  const drivers: Driver[] = [];
  let waiting = 0;
  return {
    add(facts: ParticipantFacts) {
      if (!isInScope(facts, scope)) return;
      const enrolment = facts.enrolment;
      if (!enrolment) return;
      const first = facts.employerContacts.filter((contact) => contact.faceToFace && contact.on >= enrolment.on).sort((a, b) => a.on.localeCompare(b.on))[0];
      if (first && within(first.on, scope.period)) {
        const wait = daysBetween(enrolment.on, first.on);
        days.push(wait);
        if (withDrivers)
          drivers.push({
            participantId: facts.participantId,
            eventIds: [enrolment.eventId, first.eventId],
            detail: `${wait} days to the first face-to-face contact`,
          });
      } else if ((!first || first.on > scope.period.to) && activeOn(facts, scope.period.to)) {
        const sofar = daysBetween(enrolment.on, scope.period.to);
        if (sofar <= limit) return;
        waiting++;
        days.push(sofar);
        if (withDrivers)
          drivers.push({ participantId: facts.participantId, eventIds: [enrolment.eventId], detail: `no face-to-face employer contact in ${sofar} days` });
      }
    },
    result() {
      const figures = { measured: MEASURED, participants: days.length, stillWaiting: waiting };
      if (days.length === 0) {
        return unscored(`no first face-to-face employer contact in the period, and nobody waiting more than ${limit} days`, figures);
      }
      const meanDays = round(days.reduce((a, b) => a + b, 0) / days.length, 1);
      return scoredBy('V4', { ...figures, meanDays, medianDays: median(days) }, drivers);
    },
  };
}

/** V4: the first face-to-face employer contact within 30 days of entry. */
export const rapidJobSearch = computedOver(rapidJobSearchTally);
