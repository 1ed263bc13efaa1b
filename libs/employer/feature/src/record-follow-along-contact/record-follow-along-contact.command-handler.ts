import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideRecordFollowAlongContact } from '@ips/employer/domain';
import { participantEmploymentSlice } from '../participant-employment.slice';
import { RecordFollowAlongContactCommand } from './record-follow-along-contact.command';

@CommandHandler(RecordFollowAlongContactCommand)
export class RecordFollowAlongContactHandler implements ICommandHandler<RecordFollowAlongContactCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: RecordFollowAlongContactCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantEmploymentSlice, command.data.participantId, command, decideRecordFollowAlongContact);
  }
}
