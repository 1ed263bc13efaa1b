import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideRecordIntegrationMeeting } from '@ips/mental-health/domain';
import { ParticipantCareCommands } from '../participant-care-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { RecordIntegrationMeetingDto } from './record-integration-meeting.dto';

@ParticipantController()
export class RecordIntegrationMeetingController {
  constructor(private readonly commands: ParticipantCareCommands) {}

  @RecordRoute(
    'integration-meetings',
    'Record a meeting of treatment team and employment specialist about the participant: who attended, what was decided.',
    'PARTICIPANT.NOT_ENROLLED',
    'INTEGRATION_MEETING.NO_ATTENDEES',
  )
  async record(
    @PathId('id') participantId: string,
    @Body() body: RecordIntegrationMeetingDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('RecordIntegrationMeeting', { participantId, ...body }, decideRecordIntegrationMeeting, principal, correlationId);
  }
}
