import { UseCaseCommand } from '@ips/command-pipeline';
import { RecordIntegrationMeeting } from '@ips/mental-health/domain';

/** record-integration-meeting: a meeting of treatment team and employment specialist about the participant. */
export class RecordIntegrationMeetingCommand extends UseCaseCommand<RecordIntegrationMeeting> {
  readonly type = 'RecordIntegrationMeeting';
}
