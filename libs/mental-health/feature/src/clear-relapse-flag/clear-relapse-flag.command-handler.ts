import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideClearRelapseFlag } from '@ips/mental-health/domain';
import { participantCareSlice } from '../participant-care.slice';
import { ClearRelapseFlagCommand } from './clear-relapse-flag.command';

@CommandHandler(ClearRelapseFlagCommand)
export class ClearRelapseFlagHandler implements ICommandHandler<ClearRelapseFlagCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: ClearRelapseFlagCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantCareSlice, command.data.participantId, command, decideClearRelapseFlag);
  }
}
