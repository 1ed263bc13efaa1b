import { UseCaseCommand } from '@ips/command-pipeline';
import { OpenFidelityReview } from '@ips/fidelity';

/** open-fidelity-review: a supervisor opens a fidelity review of a team (or the programme) over a period, naming its reviewers. */
export class OpenFidelityReviewCommand extends UseCaseCommand<OpenFidelityReview> {
  readonly type = 'OpenFidelityReview';
}
