import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideRecordIntegrationMeeting } from '@ips/mental-health/domain';
import { participantCareSlice } from '../participant-care.slice';
import { RecordIntegrationMeetingCommand } from './record-integration-meeting.command';

@CommandHandler(RecordIntegrationMeetingCommand)
export class RecordIntegrationMeetingHandler implements ICommandHandler<RecordIntegrationMeetingCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: RecordIntegrationMeetingCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantCareSlice, command.data.participantId, command, decideRecordIntegrationMeeting);
  }
}
