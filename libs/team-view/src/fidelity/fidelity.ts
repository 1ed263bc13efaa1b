import { SharedEvent } from '@ips/contracts';
import { FIDELITY_ANCHORS, ItemId, Score, bandOf } from './fidelity-anchors';
import { benefitsPlanning } from './benefits-planning.item';
import { caseload } from './caseload.item';
import { communityBased } from './community-based.item';
import { employerContacts } from './employer-contacts.item';
import { factsOf, ParticipantFacts } from './fidelity-facts';
import { Computed, Driver, Figures } from './fidelity-item';
import { Period, Scope } from './fidelity-period';
import { Total, totalOf } from './fidelity-score';
import { followAlong } from './follow-along.item';
import { competitiveJobs, employerDiversity, jobDiversity } from './jobs.item';
import { rapidJobSearch } from './rapid-job-search.item';
import { generalists } from './generalists.item';
import { teamAssignment } from './team-assignment.item';

type Compute = (participants: readonly ParticipantFacts[], scope: Scope) => Computed;

/** Every item of the scale, and how it is computed from events: null for the reviewer's items. */
const COMPUTE: Readonly<Record<ItemId, Compute | null>> = {
  S1: caseload,
  S2: null,
  S3: generalists,
  O1: teamAssignment,
  O2: null,
  O3: null,
  O4: null,
  O5: null,
  O6: null,
  O7: null,
  O8: null,
  V1: benefitsPlanning,
  V2: null,
  V3: null,
  V4: rapidJobSearch,
  V5: null,
  V6: employerContacts,
  V7: null,
  V8: jobDiversity,
  V9: employerDiversity,
  V10: competitiveJobs,
  V11: null,
  V12: followAlong,
  V13: communityBased,
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

/** The IPS-25 items for a period (and one specialist), from each participant's shared events. Pure. */
export function fidelityFor(participants: ReadonlyMap<string, readonly SharedEvent[]>, scope: Scope): Fidelity {
  const facts = [...participants].map(([participantId, events]) => factsOf(participantId, events));
  const items = FIDELITY_ANCHORS.map((anchor): FidelityItem => {
    const compute = COMPUTE[anchor.id];
    if (!compute) {
      return { item: anchor.id, name: anchor.name, source: 'reviewer', score: null, anchor: null, reason: anchor.notComputed, figures: {}, drivers: [] };
    }
    const { score, reason, figures, drivers } = compute(facts, scope);
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
}
