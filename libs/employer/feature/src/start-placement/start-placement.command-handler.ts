import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideStartPlacement } from '@ips/employer/domain';
import { EMPLOYER_CONFIG, EmployerConfig } from '../employer.config';
import { employerSlice } from '../employer.slice';
import { participantEmploymentSlice } from '../participant-employment.slice';
import { StartPlacementCommand } from './start-placement.command';

/** The decider is told whether the employer is registered (its own stream) and the configured minimum wage. */
@CommandHandler(StartPlacementCommand)
export class StartPlacementHandler implements ICommandHandler<StartPlacementCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(EMPLOYER_CONFIG) private readonly config: EmployerConfig,
  ) {}

  async execute({ type, data, metadata }: StartPlacementCommand): Promise<CommandOutcome> {
    const employerRegistered = (await this.pipeline.load(employerSlice, data.employerId)).status === 'Registered';
    const decided = { ...data, employerRegistered, minimumHourlyWage: this.config.minimumHourlyWage };
    return this.pipeline.run(participantEmploymentSlice, data.participantId, { type, data: decided, metadata }, decideStartPlacement);
  }
}
