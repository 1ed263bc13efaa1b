import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideEndPlacement } from '@ips/employer/domain';
import { participantEmploymentSlice } from '../participant-employment.slice';
import { EndPlacementCommand } from './end-placement.command';

@CommandHandler(EndPlacementCommand)
export class EndPlacementHandler implements ICommandHandler<EndPlacementCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: EndPlacementCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantEmploymentSlice, command.data.participantId, command, decideEndPlacement);
  }
}
