import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideChangeRelapseFlag } from '@ips/mental-health/domain';
import { participantCareSlice } from '../participant-care.slice';
import { ChangeRelapseFlagCommand } from './change-relapse-flag.command';

@CommandHandler(ChangeRelapseFlagCommand)
export class ChangeRelapseFlagHandler implements ICommandHandler<ChangeRelapseFlagCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: ChangeRelapseFlagCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantCareSlice, command.data.participantId, command, decideChangeRelapseFlag);
  }
}
