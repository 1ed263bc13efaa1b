import { CommandPipeline } from '@ips/command-pipeline';
import { FIDELITY_REVIEWS_ID, FidelityReviews } from '@ips/fidelity';
import { fidelityReviewsSlice } from './fidelity-reviews.slice';

/** Every fidelity review, folded from the one stream they share. */
export function loadFidelityReviews(pipeline: CommandPipeline): Promise<FidelityReviews> {
  return pipeline.load(fidelityReviewsSlice, FIDELITY_REVIEWS_ID);
}
