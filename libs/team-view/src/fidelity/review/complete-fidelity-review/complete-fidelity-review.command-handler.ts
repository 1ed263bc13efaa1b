import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { FIDELITY_REVIEWS_ID, decideCompleteFidelityReview } from '@ips/fidelity';
import { fidelityReviewsSlice } from '../fidelity-reviews.slice';
import { CompleteFidelityReviewCommand } from './complete-fidelity-review.command';

/** The computed scores come with the command: the route reads the period's items as the reader may see them (audited). */
@CommandHandler(CompleteFidelityReviewCommand)
export class CompleteFidelityReviewHandler implements ICommandHandler<CompleteFidelityReviewCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: CompleteFidelityReviewCommand): Promise<CommandOutcome> {
    return this.pipeline.run(fidelityReviewsSlice, FIDELITY_REVIEWS_ID, command, decideCompleteFidelityReview);
  }
}
