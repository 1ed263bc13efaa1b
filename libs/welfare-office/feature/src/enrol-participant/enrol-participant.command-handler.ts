import { Command as NestCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { EnrolParticipant, decideEnrolParticipant } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';

export class EnrolParticipantCommand extends NestCommand<CommandOutcome> {
  constructor(readonly command: EnrolParticipant) {
    super();
  }
}

@CommandHandler(EnrolParticipantCommand)
export class EnrolParticipantHandler implements ICommandHandler<EnrolParticipantCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command }: EnrolParticipantCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, decideEnrolParticipant);
  }
}
