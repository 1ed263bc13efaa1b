import { EventStore } from '@ips/event-store';
import { fold, streamId } from '@ips/kernel';
import { FIDELITY_REVIEWS_ID, FidelityReviewEvent, FidelityReviews, fidelityReviewsAggregate } from '@ips/fidelity';

/** Every fidelity review, folded from the one stream they share. */
export async function loadFidelityReviews(store: EventStore): Promise<FidelityReviews> {
  const { events } = await store.readStream(streamId(fidelityReviewsAggregate.category, FIDELITY_REVIEWS_ID));
  return fold(
    fidelityReviewsAggregate,
    events.map((event) => ({ type: event.type, data: event.data }) as unknown as FidelityReviewEvent),
  );
}
