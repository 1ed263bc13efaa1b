import { Body, Inject } from '@nestjs/common';
import { CLOCK, Clock, CurrentPrincipal, Principal } from '@ips/access';
import { ApiProblem, CorrelationId, PathId } from '@ips/http';
import { MUNICIPAL_CONTACT_ROLE, NamedOnTeam, ParticipantServicesErrors, decideAssignContactPerson } from '@ips/municipality/domain';
import { ParticipantServicesCommands } from '../participant-services-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { MUNICIPALITY_TEAMS, MunicipalityTeams } from '../team-directory.port';
import { AssignContactPersonDto } from './assign-contact-person.dto';

@ParticipantController()
export class AssignContactPersonController {
  constructor(
    private readonly commands: ParticipantServicesCommands,
    @Inject(MUNICIPALITY_TEAMS) private readonly teams: MunicipalityTeams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @RecordRoute(
    'contact-person',
    "Name the participant's contact person at the municipality; a later one replaces it. Once teams are defined, the contact " +
      "person is picked from the participant's team: a municipal worker who is a member today.",
    'MUNICIPAL_CONTACT.UNCHANGED',
  )
  @ApiProblem(
    422,
    [ParticipantServicesErrors.notATeamMember],
    "contactPersonId: mw-siri is not a municipal worker on the participant's team today (pick one of the team's members)",
  )
  async assign(
    @PathId('id') participantId: string,
    @Body() body: AssignContactPersonDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    const named = await this.named(participantId, body.contactPersonId);
    await this.commands.execute('AssignContactPerson', { participantId, ...body, named }, decideAssignContactPerson, principal, correlationId);
  }

  /** The participant's team and the person's memberships today; null while no team is defined (anyone may be named). */
  private async named(participantId: string, contactPersonId: string): Promise<NamedOnTeam | null> {
    if (!(await this.teams.anyTeamDefined())) return null;
    const now = this.clock.now();
    const [participantTeamId, memberships] = await Promise.all([
      this.teams.teamOf(participantId, now),
      this.teams.teamsOf({ sub: contactPersonId, agency: MUNICIPAL_CONTACT_ROLE.agency }, now),
    ]);
    return {
      participantTeamId,
      memberships: memberships.map(({ team, period }) => ({ teamId: team.teamId, agency: period.agency, role: period.role })),
    };
  }
}
