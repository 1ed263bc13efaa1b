import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideUpdateCareerProfile, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { UpdateCareerProfileCommand } from './update-career-profile.command';

@CommandHandler(UpdateCareerProfileCommand)
export class UpdateCareerProfileHandler implements ICommandHandler<UpdateCareerProfileCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: UpdateCareerProfileCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, unlessErased(decideUpdateCareerProfile));
  }
}
