import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideWriteActionPlan, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { WriteActionPlanCommand } from './write-action-plan.command';

@CommandHandler(WriteActionPlanCommand)
export class WriteActionPlanHandler implements ICommandHandler<WriteActionPlanCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: WriteActionPlanCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, unlessErased(decideWriteActionPlan));
  }
}
