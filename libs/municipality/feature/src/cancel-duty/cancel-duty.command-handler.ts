import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideCancelDuty } from '@ips/municipality/domain';
import { crisisRotaSlice } from '../crisis-rota.slice';
import { CancelDutyCommand } from './cancel-duty.command';

@CommandHandler(CancelDutyCommand)
export class CancelDutyHandler implements ICommandHandler<CancelDutyCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: CancelDutyCommand): Promise<CommandOutcome> {
    return this.pipeline.run(crisisRotaSlice, command.data.rotaId, command, decideCancelDuty);
  }
}
