import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideChangePlacementTerms } from '@ips/employer/domain';
import { EMPLOYER_CONFIG, EmployerConfig } from '../employer.config';
import { participantEmploymentSlice } from '../participant-employment.slice';
import { ChangePlacementTermsCommand } from './change-placement-terms.command';

/** The decider is told the configured minimum wage, as when the placement started. */
@CommandHandler(ChangePlacementTermsCommand)
export class ChangePlacementTermsHandler implements ICommandHandler<ChangePlacementTermsCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(EMPLOYER_CONFIG) private readonly config: EmployerConfig,
  ) {}

  execute({ type, data, metadata }: ChangePlacementTermsCommand): Promise<CommandOutcome> {
    const decided = { ...data, minimumHourlyWage: this.config.minimumHourlyWage };
    return this.pipeline.run(participantEmploymentSlice, data.participantId, { type, data: decided, metadata }, decideChangePlacementTerms);
  }
}
