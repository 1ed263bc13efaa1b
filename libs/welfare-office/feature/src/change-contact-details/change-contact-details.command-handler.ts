import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideChangeContactDetails, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { ChangeContactDetailsCommand } from './change-contact-details.command';

@CommandHandler(ChangeContactDetailsCommand)
export class ChangeContactDetailsHandler implements ICommandHandler<ChangeContactDetailsCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: ChangeContactDetailsCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, unlessErased(decideChangeContactDetails));
  }
}
