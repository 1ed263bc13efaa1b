import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { FIDELITY_REVIEWS_ID, decideOpenFidelityReview } from '@ips/fidelity';
import { CLOCK, Clock, refused } from '@ips/kernel';
import { TeamDirectory } from '@ips/team-directory';
import { fidelityReviewsSlice } from '../fidelity-reviews.slice';
import { OpenFidelityReviewCommand } from './open-fidelity-review.command';

/** A review's team is a team id the reader is on (else 404 TEAM.NOT_FOUND, as for an unknown team); none: all the reader's teams. */
@CommandHandler(OpenFidelityReviewCommand)
export class OpenFidelityReviewHandler implements ICommandHandler<OpenFidelityReviewCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly directory: TeamDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: OpenFidelityReviewCommand): Promise<CommandOutcome> {
    const { team } = command.data;
    if (team !== null && !(await this.directory.teamsOfReader(command.metadata.actor, this.clock.now())).includes(team)) {
      return refused('not-found', 'TEAM.NOT_FOUND', 'no such team');
    }
    return this.pipeline.run(fidelityReviewsSlice, FIDELITY_REVIEWS_ID, command, decideOpenFidelityReview);
  }
}
