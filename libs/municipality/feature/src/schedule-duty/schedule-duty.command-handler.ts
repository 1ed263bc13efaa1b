import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideScheduleDuty } from '@ips/municipality/domain';
import { crisisRotaSlice } from '../crisis-rota.slice';
import { ScheduleDutyCommand } from './schedule-duty.command';

/** The rota's stream is the aggregate, so an overlap is decided on all its shifts. */
@CommandHandler(ScheduleDutyCommand)
export class ScheduleDutyHandler implements ICommandHandler<ScheduleDutyCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: ScheduleDutyCommand): Promise<CommandOutcome> {
    return this.pipeline.run(crisisRotaSlice, command.data.rotaId, command, decideScheduleDuty);
  }
}
