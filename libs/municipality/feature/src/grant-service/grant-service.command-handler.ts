import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideGrantService } from '@ips/municipality/domain';
import { participantServicesSlice } from '../participant-services.slice';
import { GrantServiceCommand } from './grant-service.command';

@CommandHandler(GrantServiceCommand)
export class GrantServiceHandler implements ICommandHandler<GrantServiceCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: GrantServiceCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantServicesSlice, command.data.participantId, command, decideGrantService);
  }
}
