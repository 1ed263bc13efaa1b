import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideLinkTreatmentTeam } from '@ips/mental-health/domain';
import { ParticipantCareCommands } from '../participant-care-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { LinkTreatmentTeamDto } from './link-treatment-team.dto';

@ParticipantController()
export class LinkTreatmentTeamController {
  constructor(private readonly commands: ParticipantCareCommands) {}

  @RecordRoute(
    'treatment-team',
    "Link the participant's treatment team and clinician to the IPS team; a new link after treatment ended starts a new treatment.",
  )
  async link(
    @PathId('id') participantId: string,
    @Body() body: LinkTreatmentTeamDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('LinkTreatmentTeam', { participantId, ...body }, decideLinkTreatmentTeam, principal, correlationId);
  }
}
