import { SharedEvent } from '@ips/contracts';
import { FIDELITY_ANCHORS, ItemId, Score, bandOf } from './fidelity-anchors';
import { benefitsPlanningTally } from './items/benefits-planning.item';
import { caseloadTally } from './items/caseload.item';
import { communityBasedTally } from './items/community-based.item';
import { employerContactsTally } from './items/employer-contacts.item';
import { factsOf, ParticipantFacts } from './fidelity-facts';
import { Driver, Figures, Tally, TallyOf } from './fidelity-item';
import { Period, Scope } from './fidelity-period';
import { Total, totalOf } from './fidelity-score';
import { followAlongTally } from './items/follow-along.item';
import { competitiveJobsTally, employerDiversityTally, jobDiversityTally } from './items/jobs.item';
import { rapidJobSearchTally } from './items/rapid-job-search.item';
import { generalistsTally } from './items/generalists.item';
import { teamAssignmentTally } from './items/team-assignment.item';

/** Every item of the scale, and how it is computed from events: null for the reviewer's items. */
const COMPUTE: Readonly<Record<ItemId, TallyOf | null>> = {
  S1: caseloadTally,
  S2: null,
  S3: generalistsTally,
  O1: teamAssignmentTally,
  O2: null,
  O3: null,
  O4: null,
  O5: null,
  O6: null,
  O7: null,
  O8: null,
  V1: benefitsPlanningTally,
  V2: null,
  V3: null,
  V4: rapidJobSearchTally,
  V5: null,
  V6: employerContactsTally,
  V7: null,
  V8: jobDiversityTally,
  V9: employerDiversityTally,
  V10: competitiveJobsTally,
  V11: null,
  V12: followAlongTally,
  V13: communityBasedTally,
  V14: null,
};

export const isComputed = (id: ItemId): boolean => COMPUTE[id] !== null;

export interface FidelityItem {
  readonly item: ItemId;
  readonly name: string;
  readonly source: 'events' | 'reviewer';
  readonly score: Score | null;
  /** The anchor the score stands on, and whether it is confirmed against the scale's own text. */
  readonly anchor: { readonly text: string; readonly confirmed: boolean } | null;
  readonly reason?: string;
  readonly figures: Figures;
  readonly drivers: readonly Driver[];
  /** Drivers the reader may not see (consent), counted instead of named. */
  readonly withheldDrivers?: number;
}

export interface Fidelity extends Total {
  readonly period: Period;
  /** The team id asked for (null: all the reader's teams, or the whole deployment while no team is defined). */
  readonly team: string | null;
  /** The one employment specialist's caseload the items were narrowed to, if any. */
  readonly specialist?: string | null;
  readonly items: readonly FidelityItem[];
}

/** The IPS-25 items, computed one participant at a time (`add` in any batches, then `result`). */
export interface FidelityTally {
  add(facts: ParticipantFacts): void;
  result(): Fidelity;
}

/**
 * The IPS-25 items for a period (and one specialist), one participant's facts at a time: memory is the items' tallies
 * (and the drivers, unless `withDrivers` is false), not the participants.
 */
export function fidelityTally(scope: Scope, withDrivers = true): FidelityTally {
  const tallies = FIDELITY_ANCHORS.map((anchor): [ItemId, Tally | null] => [anchor.id, COMPUTE[anchor.id]?.(scope, withDrivers) ?? null]);
  return {
    add(facts) {
      for (const [, tally] of tallies) tally?.add(facts);
    },
    result() {
      const items = FIDELITY_ANCHORS.map((anchor, index): FidelityItem => {
        const tally = tallies[index]?.[1] ?? null;
        if (!tally) {
          return { item: anchor.id, name: anchor.name, source: 'reviewer', score: null, anchor: null, reason: anchor.notComputed, figures: {}, drivers: [] };
        }
        const { score, reason, figures, drivers } = tally.result();
        const band = score === null ? null : bandOf(anchor.id, score);
        return {
          item: anchor.id,
          name: anchor.name,
          source: 'events',
          score,
          anchor: band && { text: band.text, confirmed: band.confirmed },
          ...(reason === undefined ? {} : { reason }),
          figures,
          drivers,
        };
      });
      return { period: scope.period, team: scope.team, items, ...totalOf(items.map((item) => item.score)) };
    },
  };
}

/** The IPS-25 items for a period (and one specialist), from each participant's shared events (in timeline order). Pure. */
export function fidelityFor(participants: ReadonlyMap<string, readonly SharedEvent[]>, scope: Scope): Fidelity {
  const tally = fidelityTally(scope);
  for (const [participantId, events] of participants) tally.add(factsOf(participantId, events));
  return tally.result();
}
