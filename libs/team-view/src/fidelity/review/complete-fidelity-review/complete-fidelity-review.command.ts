import { UseCaseCommand } from '@ips/command-pipeline';
import { CompleteFidelityReview } from '@ips/fidelity';

/** complete-fidelity-review: once all 25 items have a score, the review is completed, its computed scores frozen with the total and band. */
export class CompleteFidelityReviewCommand extends UseCaseCommand<CompleteFidelityReview> {
  readonly type = 'CompleteFidelityReview';
}
