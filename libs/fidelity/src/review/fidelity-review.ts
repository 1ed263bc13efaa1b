import { Aggregate, Command, Decision, DomainEvent, accept, refuse } from '@ips/kernel';
import { ITEM_IDS, ItemId, Score } from '../fidelity-anchors';
import { TOTAL_BANDS, TotalBand } from '../fidelity-score';

/**
 * Fidelity reviews, kept as events. All reviews share one stream: a team has one or two a year, so the
 * stream stays short for years, and listing them (to compare over time) is one read. A review is opened for
 * a team and period with its reviewers, who score the items only judgement can score; it is completed
 * once every one of the 25 items has a score (computed from events, or the reviewers'), freezing the
 * computed scores as they were that day.
 */
export const FIDELITY_REVIEWS_ID = 'all';

export type ItemSource = 'events' | 'reviewer';

export interface FinalItem {
  readonly item: ItemId;
  readonly score: Score;
  readonly source: ItemSource;
}

export type FidelityReviewOpened = DomainEvent<
  'FidelityReviewOpened',
  {
    readonly reviewId: string;
    readonly team: string | null;
    readonly from: string;
    readonly to: string;
    readonly reviewers: readonly string[];
    readonly at: string;
  }
>;
export type FidelityItemScored = DomainEvent<
  'FidelityItemScored',
  { readonly reviewId: string; readonly item: ItemId; readonly score: Score; readonly note: string; readonly scoredBy: string; readonly at: string }
>;
export type FidelityReviewCompleted = DomainEvent<
  'FidelityReviewCompleted',
  { readonly reviewId: string; readonly items: readonly FinalItem[]; readonly total: number; readonly band: TotalBand; readonly at: string }
>;
export type FidelityReviewEvent = FidelityReviewOpened | FidelityItemScored | FidelityReviewCompleted;

export interface ReviewerScore {
  readonly score: Score;
  readonly note: string;
  readonly scoredBy: string;
  readonly at: string;
}

export interface FidelityReview {
  readonly reviewId: string;
  readonly team: string | null;
  readonly from: string;
  readonly to: string;
  readonly reviewers: readonly string[];
  readonly openedAt: string;
  /** The latest score each item got from a reviewer. */
  readonly scores: Readonly<Partial<Record<ItemId, ReviewerScore>>>;
  readonly completed: { readonly items: readonly FinalItem[]; readonly total: number; readonly band: TotalBand; readonly at: string } | null;
}

export type FidelityReviews = ReadonlyMap<string, FidelityReview>;

export const fidelityReviewsAggregate: Aggregate<FidelityReviews, FidelityReviewEvent> = {
  category: 'team-view.fidelity-reviews',
  initialState: new Map(),
  evolve: (reviews, event) => {
    const next = new Map(reviews);
    const review = reviews.get(event.data.reviewId);
    switch (event.type) {
      case 'FidelityReviewOpened': {
        const { reviewId, team, from, to, reviewers, at } = event.data;
        next.set(reviewId, { reviewId, team, from, to, reviewers, openedAt: at, scores: {}, completed: null });
        break;
      }
      case 'FidelityItemScored':
        if (review) {
          const { item, score, note, scoredBy, at } = event.data;
          next.set(review.reviewId, { ...review, scores: { ...review.scores, [item]: { score, note, scoredBy, at } } });
        }
        break;
      case 'FidelityReviewCompleted':
        if (review) {
          const { items, total, band, at } = event.data;
          next.set(review.reviewId, { ...review, completed: { items, total, band, at } });
        }
        break;
    }
    return next;
  },
};

export const FidelityReviewErrors = {
  notFound: 'FIDELITY_REVIEW.NOT_FOUND',
  exists: 'FIDELITY_REVIEW.ALREADY_OPENED',
  completed: 'FIDELITY_REVIEW.COMPLETED',
  incomplete: 'FIDELITY_REVIEW.INCOMPLETE',
  itemComputed: 'FIDELITY_REVIEW.ITEM_COMPUTED',
} as const;

export type OpenFidelityReview = Command<
  'OpenFidelityReview',
  { reviewId: string; team: string | null; from: string; to: string; reviewers: readonly string[] }
>;
export type ScoreFidelityItem = Command<
  'ScoreFidelityItem',
  {
    reviewId: string;
    item: ItemId;
    score: Score;
    note: string;
    /** The item's score computed from events for the review's period now; a reviewer scores only where there is none. */
    computed: Score | null;
  }
>;
export type CompleteFidelityReview = Command<'CompleteFidelityReview', { reviewId: string; computed: Readonly<Partial<Record<ItemId, Score | null>>> }>;

/** open-fidelity-review: a review is opened once under its id, for a team and period, each reviewer named once. */
export function decideOpenFidelityReview(command: OpenFidelityReview, reviews: FidelityReviews): Decision<FidelityReviewEvent> {
  if (reviews.has(command.data.reviewId)) return refuse('conflict', FidelityReviewErrors.exists, 'a review with this id exists');
  const reviewers = [...new Set(command.data.reviewers)];
  return accept({ type: 'FidelityReviewOpened', data: { ...command.data, reviewers, at: command.metadata.now } });
}

const openReview = (reviews: FidelityReviews, reviewId: string): FidelityReview | Decision<FidelityReviewEvent> => {
  const review = reviews.get(reviewId);
  if (!review) return refuse('not-found', FidelityReviewErrors.notFound, 'no fidelity review with this id');
  if (review.completed) return refuse('conflict', FidelityReviewErrors.completed, `the review was completed on ${review.completed.at.slice(0, 10)}`);
  return review;
};
const isDecision = (value: FidelityReview | Decision<FidelityReviewEvent>): value is Decision<FidelityReviewEvent> => 'ok' in value;

/**
 * score-fidelity-item: a reviewer's score replaces their or another reviewer's earlier one for the item; items the events
 * score are not theirs.
 */
export function decideScoreFidelityItem(command: ScoreFidelityItem, reviews: FidelityReviews): Decision<FidelityReviewEvent> {
  const review = openReview(reviews, command.data.reviewId);
  if (isDecision(review)) return review;
  const { reviewId, item, score, note, computed } = command.data;
  if (computed !== null) {
    return refuse('conflict', FidelityReviewErrors.itemComputed, `${item} is scored from the team's events (${computed} for this period)`);
  }
  return accept({ type: 'FidelityItemScored', data: { reviewId, item, score, note, scoredBy: command.metadata.actor.sub, at: command.metadata.now } });
}

/** Each item's final score: the events' where they give one, else the reviewers'. */
export function finalItems(review: FidelityReview, computed: Readonly<Partial<Record<ItemId, Score | null>>>): (FinalItem | { item: ItemId; score: null })[] {
  return ITEM_IDS.map((item) => {
    const fromEvents = computed[item];
    if (fromEvents !== undefined && fromEvents !== null) return { item, score: fromEvents, source: 'events' as const };
    const scored = review.scores[item];
    return scored ? { item, score: scored.score, source: 'reviewer' as const } : { item, score: null };
  });
}

export const bandOfTotal = (total: number): TotalBand => (TOTAL_BANDS.find((band) => total >= band.min) ?? TOTAL_BANDS[TOTAL_BANDS.length - 1]).band;

/** complete-fidelity-review: once every item has a score (the events' or a reviewer's), the review is completed with its total and band. */
export function decideCompleteFidelityReview(command: CompleteFidelityReview, reviews: FidelityReviews): Decision<FidelityReviewEvent> {
  const review = openReview(reviews, command.data.reviewId);
  if (isDecision(review)) return review;
  const items = finalItems(review, command.data.computed);
  const missing = items.filter((item) => item.score === null).map((item) => item.item);
  if (missing.length > 0) {
    return refuse('conflict', FidelityReviewErrors.incomplete, `every item needs a score before the review is complete; missing: ${missing.join(', ')}`);
  }
  const final = items as FinalItem[];
  const total = final.reduce((sum, item) => sum + item.score, 0);
  return accept({
    type: 'FidelityReviewCompleted',
    data: { reviewId: review.reviewId, items: final, total, band: bandOfTotal(total), at: command.metadata.now },
  });
}
