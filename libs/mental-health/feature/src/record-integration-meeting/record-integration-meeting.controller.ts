import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { RecordIntegrationMeetingCommand } from './record-integration-meeting.command';
import { RecordIntegrationMeetingDto } from './record-integration-meeting.dto';

@AgencyController('mental-health', 'participants')
export class RecordIntegrationMeetingController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute('integration-meetings', 'Record a meeting of treatment team and employment specialist about the participant: who attended, what was decided.', {
    conflicts: 'PARTICIPANT.NOT_ENROLLED',
    rejections: 'INTEGRATION_MEETING.NO_ATTENDEES',
  })
  async record(@PathId('id') participantId: string, @Body() body: RecordIntegrationMeetingDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new RecordIntegrationMeetingCommand({ participantId, ...body }, issuer)));
  }
}
