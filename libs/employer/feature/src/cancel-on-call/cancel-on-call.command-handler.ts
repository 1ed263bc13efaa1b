import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideCancelOnCall } from '@ips/employer/domain';
import { onCallRosterSlice } from '../on-call-roster.slice';
import { CancelOnCallCommand } from './cancel-on-call.command';

@CommandHandler(CancelOnCallCommand)
export class CancelOnCallHandler implements ICommandHandler<CancelOnCallCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: CancelOnCallCommand): Promise<CommandOutcome> {
    return this.pipeline.run(onCallRosterSlice, command.data.teamId, command, decideCancelOnCall);
  }
}
