import { Body, Inject } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { ApiProblem, CorrelationId, PathId } from '@ips/http';
import { CLINICIAN_ROLE, ParticipantCareErrors, decideLinkTreatmentTeam } from '@ips/mental-health/domain';
import { ParticipantCareCommands } from '../participant-care-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { TEAM_FACTS, TeamFacts, namedOnTeam } from '@ips/team-directory';
import { LinkTreatmentTeamDto } from './link-treatment-team.dto';

@ParticipantController()
export class LinkTreatmentTeamController {
  constructor(
    private readonly commands: ParticipantCareCommands,
    @Inject(TEAM_FACTS) private readonly teams: TeamFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @RecordRoute(
    'treatment-team',
    "Link the participant's treatment team and clinician to the IPS team; a new link after treatment ended starts a new treatment. " +
      "Once teams are defined, the clinician is picked from the participant's team: a mental-health clinician who is a member today.",
  )
  @ApiProblem(
    422,
    [ParticipantCareErrors.notATeamMember],
    "clinicianId: dr-lie is not a clinician on the participant's team today (pick one of the team's members)",
  )
  async link(
    @PathId('id') participantId: string,
    @Body() body: LinkTreatmentTeamDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    const named = await namedOnTeam(this.teams, participantId, { sub: body.clinicianId, agency: CLINICIAN_ROLE.agency }, this.clock.now());
    await this.commands.execute('LinkTreatmentTeam', { participantId, ...body, named }, decideLinkTreatmentTeam, principal, correlationId);
  }
}
