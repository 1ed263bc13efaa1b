import { decideSpec, metadataAt } from '@ips/testing';
import { ITEM_IDS, ItemId, Score } from '../fidelity-anchors';
import {
  FidelityReviewErrors,
  FidelityReviewEvent,
  decideCompleteFidelityReview,
  decideOpenFidelityReview,
  decideScoreFidelityItem,
  fidelityReviewsAggregate,
} from './fidelity-review';

const reviewId = '0193c000-0000-7000-8000-000000000001';
const now = '2026-06-30T12:00:00.000Z';
const meta = metadataAt(now, { actor: { sub: 'rev-anne', agency: 'welfare-office', role: 'supervisor' } });
const opened: FidelityReviewEvent = {
  type: 'FidelityReviewOpened',
  data: { reviewId, team: null, from: '2026-01-01', to: '2026-06-30', reviewers: ['rev-anne', 'rev-bo'], at: '2026-06-29T09:00:00.000Z' },
};
const scored = (item: ItemId, score: Score, by = 'rev-anne'): FidelityReviewEvent => ({
  type: 'FidelityItemScored',
  data: { reviewId, item, score, note: `${item} seen`, scoredBy: by, at: '2026-06-29T10:00:00.000Z' },
});
/** The 12 items computed from events, all at 4. */
const COMPUTED: ItemId[] = ['S1', 'S3', 'O1', 'V1', 'V4', 'V6', 'V8', 'V9', 'V10', 'V12', 'V13', 'O3'];
const computed = (score: Score | null) => Object.fromEntries(ITEM_IDS.map((item) => [item, COMPUTED.includes(item) ? score : null]));
const reviewerItems = ITEM_IDS.filter((item) => !COMPUTED.includes(item));

describe('fidelity reviews', () => {
  describe('open-fidelity-review', () => {
    const spec = decideSpec(fidelityReviewsAggregate, decideOpenFidelityReview);
    const open = {
      type: 'OpenFidelityReview' as const,
      data: { reviewId, team: null, from: '2026-01-01', to: '2026-06-30', reviewers: ['rev-anne', 'rev-bo', 'rev-anne'] },
      metadata: meta,
    };

    it('records the team, period and reviewers (each once)', () =>
      spec
        .given()
        .when(open)
        .then({ type: 'FidelityReviewOpened', data: { ...open.data, reviewers: ['rev-anne', 'rev-bo'], at: now } }));
    it('is not opened twice under one id', () => spec.given(opened).when(open).thenRefused(FidelityReviewErrors.exists, 'conflict'));
  });

  describe('score-fidelity-item: score an item', () => {
    const spec = decideSpec(fidelityReviewsAggregate, decideScoreFidelityItem);
    const score = (item: ItemId, value: Score, fromEvents: Score | null = null) => ({
      type: 'ScoreFidelityItem' as const,
      data: { reviewId, item, score: value, note: 'weekly team meetings, minutes seen', computed: fromEvents },
      metadata: meta,
    });

    it('records the reviewer’s score and note', () =>
      spec
        .given(opened)
        .when(score('O2', 4))
        .then({
          type: 'FidelityItemScored',
          data: { reviewId, item: 'O2', score: 4, note: 'weekly team meetings, minutes seen', scoredBy: 'rev-anne', at: now },
        }));
    it('lets a reviewer score an item the events could not score this period', () =>
      spec
        .given(opened)
        .when(score('V12', 3, null))
        .then({
          type: 'FidelityItemScored',
          data: { reviewId, item: 'V12', score: 3, note: 'weekly team meetings, minutes seen', scoredBy: 'rev-anne', at: now },
        }));
    it('leaves an item the events score to the events', () =>
      spec
        .given(opened)
        .when(score('S1', 5, 4))
        .thenRefused(FidelityReviewErrors.itemComputed, 'conflict'));
    it('needs the review', () => spec.given().when(score('O2', 4)).thenRefused(FidelityReviewErrors.notFound, 'not-found'));
  });

  describe('complete-fidelity-review', () => {
    const spec = decideSpec(fidelityReviewsAggregate, decideCompleteFidelityReview);
    const complete = (fromEvents: ReturnType<typeof computed>) => ({
      type: 'CompleteFidelityReview' as const,
      data: { reviewId, computed: fromEvents },
      metadata: meta,
    });
    const allReviewerItems = (score: Score) => reviewerItems.map((item) => scored(item, score));

    /** 25 scores whose sum is `total`: fives, then one remainder, then ones. */
    const scoresSumming = (total: number): Score[] =>
      ITEM_IDS.map((_, index) => Math.max(1, Math.min(5, total - 5 * index - (ITEM_IDS.length - index - 1))) as Score);

    it.each([
      [125, 'exemplary'],
      [115, 'exemplary'],
      [114, 'good'],
      [100, 'good'],
      [99, 'fair'],
      [74, 'fair'],
      [73, 'not-ips'],
      [25, 'not-ips'],
    ] as const)('adds the 25 scores to %i: %s', (total, band) => {
      const scores = scoresSumming(total);
      expect(scores.reduce<number>((sum, score) => sum + score, 0)).toBe(total);
      const byItem = Object.fromEntries(ITEM_IDS.map((item, index) => [item, scores[index] as Score]));
      const fromEvents = Object.fromEntries(ITEM_IDS.map((item) => [item, COMPUTED.includes(item) ? byItem[item] : null]));
      const history = [opened, ...reviewerItems.map((item) => scored(item, byItem[item] as Score))];
      const decision = decideCompleteFidelityReview(
        complete(fromEvents),
        history.reduce(fidelityReviewsAggregate.evolve, fidelityReviewsAggregate.initialState),
      );
      expect(decision).toMatchObject({ ok: true, events: [{ type: 'FidelityReviewCompleted', data: { reviewId, total, band, at: now } }] });
    });

    it('keeps where each score came from, the last reviewer score of an item winning', () => {
      const history = [opened, ...allReviewerItems(3), scored('O2', 5, 'rev-bo')];
      const decision = decideCompleteFidelityReview(
        complete(computed(4)),
        history.reduce(fidelityReviewsAggregate.evolve, fidelityReviewsAggregate.initialState),
      );
      if (!decision.ok) throw new Error(decision.error.message);
      const items = (decision.events[0] as Extract<FidelityReviewEvent, { type: 'FidelityReviewCompleted' }>).data.items;
      expect(items.find((item) => item.item === 'O2')).toEqual({ item: 'O2', score: 5, source: 'reviewer' });
      expect(items.find((item) => item.item === 'S1')).toEqual({ item: 'S1', score: 4, source: 'events' });
      expect(items).toHaveLength(25);
    });

    it('is refused while an item has no score, naming it', () =>
      spec
        .given(opened, ...allReviewerItems(4).slice(1))
        .when(complete(computed(4)))
        .thenRefused(FidelityReviewErrors.incomplete, 'conflict'));
    it('is refused while a computed item has no score from the events and none from a reviewer', () =>
      spec
        .given(opened, ...allReviewerItems(4))
        .when(complete({ ...computed(4), V12: null }))
        .thenRefused(FidelityReviewErrors.incomplete, 'conflict'));
    it('happens once: a completed review takes no more scores', () => {
      const completed: FidelityReviewEvent = { type: 'FidelityReviewCompleted', data: { reviewId, items: [], total: 100, band: 'good', at: now } };
      spec
        .given(opened, completed)
        .when(complete(computed(4)))
        .thenRefused(FidelityReviewErrors.completed, 'conflict');
      decideSpec(fidelityReviewsAggregate, decideScoreFidelityItem)
        .given(opened, completed)
        .when({ type: 'ScoreFidelityItem', data: { reviewId, item: 'O2', score: 4, note: '', computed: null }, metadata: meta })
        .thenRefused(FidelityReviewErrors.completed, 'conflict');
    });
  });
});
