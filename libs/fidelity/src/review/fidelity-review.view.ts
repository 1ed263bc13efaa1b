import { FIDELITY_ANCHORS, ItemId, Score } from '../fidelity-anchors';
import { Fidelity } from '../fidelity';
import { csvField } from '../fidelity-csv';
import { TotalBand } from '../fidelity-score';
import { FidelityReview, ItemSource, bandOfTotal, finalItems } from './fidelity-review';

export interface ReviewItemView {
  readonly item: ItemId;
  readonly name: string;
  /** Where the score comes from; null while nobody has scored an item the events cannot score. */
  readonly source: ItemSource | null;
  readonly score: Score | null;
  /** The reviewer's note and who gave the score. */
  readonly note?: string;
  readonly scoredBy?: string;
  /** Open reviews: why the events give no score this period. */
  readonly reason?: string;
}

export interface FidelityReviewView {
  readonly reviewId: string;
  readonly team: string | null;
  readonly from: string;
  readonly to: string;
  readonly reviewers: readonly string[];
  readonly status: 'open' | 'completed';
  readonly openedAt: string;
  readonly completedAt: string | null;
  readonly items: readonly ReviewItemView[];
  /** The 25 scores added up, and the band: only once every item has a score. */
  readonly total: number | null;
  readonly band: TotalBand | null;
  readonly missingItems: readonly ItemId[];
}

/** The score the events give each computed item (null where they cannot); empty without a live reading. */
export const computedScores = (live: Fidelity | null): Partial<Record<ItemId, Score | null>> =>
  Object.fromEntries((live?.items ?? []).filter((item) => item.source === 'events').map((item) => [item.item, item.score]));

const nameOf = (item: ItemId): string => FIDELITY_ANCHORS.find((anchor) => anchor.id === item)?.name ?? item;

/**
 * A review as its reviewers see it: while open, the items the events score for its period now next to the
 * reviewers' scores; once completed, the scores as they were frozen that day.
 */
export function reviewView(review: FidelityReview, live: Fidelity | null): FidelityReviewView {
  const items = review.completed ? review.completed.items : finalItems(review, computedScores(live));
  const viewed = items.map((final): ReviewItemView => {
    const scored = review.scores[final.item];
    const fromReviewer = final.score !== null && 'source' in final && final.source === 'reviewer' && scored;
    const reason = live?.items.find((item) => item.item === final.item && item.source === 'events' && item.score === null)?.reason;
    return {
      item: final.item,
      name: nameOf(final.item),
      source: final.score === null ? null : (final as { source: ItemSource }).source,
      score: final.score,
      ...(fromReviewer ? { note: scored.note, scoredBy: scored.scoredBy } : {}),
      ...(final.score === null && reason ? { reason } : {}),
    };
  });
  const missingItems = viewed.filter((item) => item.score === null).map((item) => item.item);
  const total = missingItems.length === 0 ? viewed.reduce((sum, item) => sum + (item.score ?? 0), 0) : null;
  return {
    reviewId: review.reviewId,
    team: review.team,
    from: review.from,
    to: review.to,
    reviewers: review.reviewers,
    status: review.completed ? 'completed' : 'open',
    openedAt: review.openedAt,
    completedAt: review.completed?.at ?? null,
    items: viewed,
    total,
    band: total === null ? null : bandOfTotal(total),
    missingItems,
  };
}

/** One row per item, then the total: what a funder or the next review reads. */
export function reviewCsv(view: FidelityReviewView): string {
  const rows = view.items.map((item) => [item.item, item.name, item.score, item.source, item.note ?? item.reason, item.scoredBy].map(csvField).join(','));
  return `item,name,score,source,note,scoredBy\n${rows.join('\n')}\ntotal,,${view.total ?? ''},${view.band ?? ''},,\n`;
}
