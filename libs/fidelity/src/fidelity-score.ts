import { assertNever } from '@ips/kernel';
import { Band, ITEM_IDS, Scale, Score } from './fidelity-anchors';

/** The band a key figure falls in; the lowest band has no bound, so every figure has one. */
export function bandFor(scale: Scale, value: number): Band {
  if (scale.kind === 'criteria') throw new Error(`a criteria scale (${scale.figure}) is scored by its rungs, not by a figure`);
  for (const band of scale.bands) {
    if (band.bound === null) return band;
    switch (scale.kind) {
      case 'at-most':
        if (value <= band.bound) return band;
        break;
      case 'at-least':
        if (value >= band.bound) return band;
        break;
      default:
        return assertNever(scale.kind);
    }
  }
  throw new Error(`scale ${scale.figure} has no unbounded lowest band`);
}

/** IPS-25 total bands (domain.md): a programme must score at least 74 to call itself IPS. */
export const TOTAL_BANDS = [
  { band: 'exemplary', min: 115 },
  { band: 'good', min: 100 },
  { band: 'fair', min: 74 },
  { band: 'not-ips', min: 0 },
] as const;
export type TotalBand = (typeof TOTAL_BANDS)[number]['band'];

export interface Total {
  /** Sum of all 25 scores; null until every item is scored, so a partial sum is never read as a band. */
  readonly total: number | null;
  readonly band: TotalBand | null;
  readonly scoredItems: number;
  /** Sum of the scores there are. */
  readonly computedTotal: number;
  /** What the total would be with every unscored item at 1, and at 5. */
  readonly minReachable: number;
  readonly maxReachable: number;
}

export function totalOf(scores: readonly (Score | null)[]): Total {
  const scored = scores.filter((score): score is Score => score !== null);
  const computedTotal = scored.reduce<number>((sum, score) => sum + score, 0);
  const unscored = ITEM_IDS.length - scored.length;
  const complete = scores.length === ITEM_IDS.length && unscored === 0;
  return {
    total: complete ? computedTotal : null,
    band: complete ? (TOTAL_BANDS.find((band) => computedTotal >= band.min) as (typeof TOTAL_BANDS)[number]).band : null,
    scoredItems: scored.length,
    computedTotal,
    minReachable: computedTotal + unscored,
    maxReachable: computedTotal + 5 * unscored,
  };
}

/** Percent with one decimal; scores are read from the rounded figure, so the band matches what is shown. */
export const percent = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 10;
export const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;
