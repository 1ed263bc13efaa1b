import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { FIDELITY_REVIEWS_ID, decideScoreFidelityItem } from '@ips/fidelity';
import { fidelityReviewsSlice } from '../fidelity-reviews.slice';
import { ScoreFidelityItemCommand } from './score-fidelity-item.command';

/** The item's computed score comes with the command: the route reads the period's items as the reader may see them (audited). */
@CommandHandler(ScoreFidelityItemCommand)
export class ScoreFidelityItemHandler implements ICommandHandler<ScoreFidelityItemCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: ScoreFidelityItemCommand): Promise<CommandOutcome> {
    return this.pipeline.run(fidelityReviewsSlice, FIDELITY_REVIEWS_ID, command, decideScoreFidelityItem);
  }
}
