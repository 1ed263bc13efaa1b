import { Slice } from '@ips/command-pipeline';
import { FidelityReviewEvent, FidelityReviews, fidelityReviewsAggregate } from '@ips/fidelity';

/** Every fidelity review, in the one stream they share (`FIDELITY_REVIEWS_ID`); nothing of them is shared or personal. */
export const fidelityReviewsSlice: Slice<FidelityReviews, FidelityReviewEvent> = { aggregate: fidelityReviewsAggregate, toShared: () => [] };
