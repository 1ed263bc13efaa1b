import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideRaiseRelapseFlag } from '@ips/mental-health/domain';
import { participantCareSlice } from '../participant-care.slice';
import { RaiseRelapseFlagCommand } from './raise-relapse-flag.command';

@CommandHandler(RaiseRelapseFlagCommand)
export class RaiseRelapseFlagHandler implements ICommandHandler<RaiseRelapseFlagCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: RaiseRelapseFlagCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantCareSlice, command.data.participantId, command, decideRaiseRelapseFlag);
  }
}
