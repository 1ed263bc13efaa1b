import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideEndService } from '@ips/municipality/domain';
import { participantServicesSlice } from '../participant-services.slice';
import { EndServiceCommand } from './end-service.command';

@CommandHandler(EndServiceCommand)
export class EndServiceHandler implements ICommandHandler<EndServiceCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: EndServiceCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantServicesSlice, command.data.participantId, command, decideEndService);
  }
}
