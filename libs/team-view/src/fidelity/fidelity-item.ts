import { ItemId, Score, scaleOf } from './fidelity-anchors';
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
