import { Command as NestCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { ReferParticipant, decideReferParticipant } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';

export class ReferParticipantCommand extends NestCommand<CommandOutcome> {
  constructor(readonly command: ReferParticipant) {
    super();
  }
}

@CommandHandler(ReferParticipantCommand)
export class ReferParticipantHandler implements ICommandHandler<ReferParticipantCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command }: ReferParticipantCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, decideReferParticipant);
  }
}
