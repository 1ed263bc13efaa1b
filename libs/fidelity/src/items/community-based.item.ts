import { datedIn, isInScope, ParticipantFacts } from '../fidelity-facts';
import { Driver, Tally, computedOver, scoredBy, unscored } from '../fidelity-item';
import { Scope } from '../fidelity-period';
import { percent } from '../fidelity-score';

const MEASURED =
  'share of the contacts with participants dated in the period that were held out in the community (ParticipantContactRecorded.inCommunity); the scale asks for the share of specialist hours, and hours are not recorded, so each contact weighs the same';

/** V13: specialists work out in the community, not at the office, one participant at a time. */
export function communityBasedTally(scope: Scope, withDrivers = true): Tally {
  const drivers: Driver[] = [];
  let contacts = 0;
  let inCommunity = 0;
  return {
    add(facts: ParticipantFacts) {
      if (!isInScope(facts, scope)) return;
      const own = datedIn(facts.participantContacts, scope.period);
      if (own.length === 0) return;
      const out = own.filter((contact) => contact.inCommunity).length;
      contacts += own.length;
      inCommunity += out;
      if (!withDrivers) return;
      drivers.push({
        participantId: facts.participantId,
        eventIds: own.map((contact) => contact.eventId),
        detail: `${out} of ${own.length} contacts in the community`,
      });
    },
    result() {
      if (contacts === 0) return unscored('no contact with a participant recorded in the period', { measured: MEASURED, contacts });
      return scoredBy('V13', { measured: MEASURED, contacts, inCommunity, inCommunityPercent: percent(inCommunity, contacts) }, drivers);
    },
  };
}

/** V13: specialists work out in the community, not at the office. */
export const communityBased = computedOver(communityBasedTally);
