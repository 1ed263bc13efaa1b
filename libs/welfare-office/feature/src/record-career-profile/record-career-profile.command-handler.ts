import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideCreateCareerProfile, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { CreateCareerProfileCommand } from './record-career-profile.command';

@CommandHandler(CreateCareerProfileCommand)
export class CreateCareerProfileHandler implements ICommandHandler<CreateCareerProfileCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: CreateCareerProfileCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, unlessErased(decideCreateCareerProfile));
  }
}
