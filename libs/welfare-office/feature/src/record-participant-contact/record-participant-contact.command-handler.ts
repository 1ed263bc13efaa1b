import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideRecordParticipantContact, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { RecordParticipantContactCommand } from './record-participant-contact.command';

@CommandHandler(RecordParticipantContactCommand)
export class RecordParticipantContactHandler implements ICommandHandler<RecordParticipantContactCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: RecordParticipantContactCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, unlessErased(decideRecordParticipantContact));
  }
}
