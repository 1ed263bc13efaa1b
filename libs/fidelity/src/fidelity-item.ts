import { ItemId, Score, scaleOf } from './fidelity-anchors';
import { ParticipantFacts } from './fidelity-facts';
import { Scope } from './fidelity-period';
import { bandFor } from './fidelity-score';

export type FigureValue = number | string | boolean | null | readonly FigureValue[] | { readonly [key: string]: FigureValue };
export type Figures = Readonly<Record<string, FigureValue>>;

/** A participant behind an item's score, and the events that show why. */
export interface Driver {
  readonly participantId: string;
  readonly eventIds: readonly string[];
  readonly detail: string;
}

/** One computed item: a score with the figures it was read from, or null with the reason. */
export interface Computed {
  readonly score: Score | null;
  readonly reason?: string;
  readonly figures: Figures;
  readonly drivers: readonly Driver[];
}

/** Scores an item from its key figure (which `figures` must carry) by the anchors table. */
export function scoredBy(id: ItemId, figures: Figures, drivers: readonly Driver[]): Computed {
  const scale = scaleOf(id);
  const value = figures[scale.figure];
  if (typeof value !== 'number') throw new Error(`${id}: key figure ${scale.figure} missing`);
  return { score: bandFor(scale, value).score, figures, drivers };
}

export const unscored = (reason: string, figures: Figures = {}, drivers: readonly Driver[] = []): Computed => ({
  score: null,
  reason,
  figures,
  drivers,
});

/**
 * An item computed one participant at a time: `add` each participant's facts (in any number of batches), then
 * `result`. So a programme's total is computed team by team without holding every participant's facts. Without
 * `withDrivers` no driver is kept (the coordinator sees none), and the memory kept is the item's tallies alone.
 */
export interface Tally {
  add(facts: ParticipantFacts): void;
  result(): Computed;
}

export type TallyOf = (scope: Scope, withDrivers?: boolean) => Tally;

/** The item over these participants at once. */
export const computedOver =
  (tallyOf: TallyOf) =>
  (participants: readonly ParticipantFacts[], scope: Scope): Computed => {
    const tally = tallyOf(scope, true);
    for (const facts of participants) tally.add(facts);
    return tally.result();
  };
