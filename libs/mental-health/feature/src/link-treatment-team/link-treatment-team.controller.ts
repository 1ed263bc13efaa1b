import { Body, Inject } from '@nestjs/common';
import { CLOCK, Clock, CurrentPrincipal, Principal } from '@ips/access';
import { ApiProblem, CorrelationId, PathId } from '@ips/http';
import { CLINICIAN_ROLE, NamedOnTeam, ParticipantCareErrors, decideLinkTreatmentTeam } from '@ips/mental-health/domain';
import { ParticipantCareCommands } from '../participant-care-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { MENTAL_HEALTH_TEAMS, MentalHealthTeams } from '../team-directory.port';
import { LinkTreatmentTeamDto } from './link-treatment-team.dto';

@ParticipantController()
export class LinkTreatmentTeamController {
  constructor(
    private readonly commands: ParticipantCareCommands,
    @Inject(MENTAL_HEALTH_TEAMS) private readonly teams: MentalHealthTeams,
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
    const named = await this.named(participantId, body.clinicianId);
    await this.commands.execute('LinkTreatmentTeam', { participantId, ...body, named }, decideLinkTreatmentTeam, principal, correlationId);
  }

  /** The participant's team and the clinician's memberships today; null while no team is defined (anyone may be named). */
  private async named(participantId: string, clinicianId: string): Promise<NamedOnTeam | null> {
    if (!(await this.teams.anyTeamDefined())) return null;
    const now = this.clock.now();
    const [participantTeamId, memberships] = await Promise.all([
      this.teams.teamOf(participantId, now),
      this.teams.teamsOf({ sub: clinicianId, agency: CLINICIAN_ROLE.agency }, now),
    ]);
    return {
      participantTeamId,
      memberships: memberships.map(({ team, period }) => ({ teamId: team.teamId, agency: period.agency, role: period.role })),
    };
  }
}
