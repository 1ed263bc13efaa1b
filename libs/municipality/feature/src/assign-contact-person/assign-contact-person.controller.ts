import { Body, Inject } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { ApiProblem, CorrelationId, PathId } from '@ips/http';
import { MUNICIPAL_CONTACT_ROLE, ParticipantServicesErrors, decideAssignContactPerson } from '@ips/municipality/domain';
import { ParticipantServicesCommands } from '../participant-services-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { TEAM_FACTS, TeamFacts, namedOnTeam } from '@ips/team-directory';
import { AssignContactPersonDto } from './assign-contact-person.dto';

@ParticipantController()
export class AssignContactPersonController {
  constructor(
    private readonly commands: ParticipantServicesCommands,
    @Inject(TEAM_FACTS) private readonly teams: TeamFacts,
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
    const named = await namedOnTeam(this.teams, participantId, { sub: body.contactPersonId, agency: MUNICIPAL_CONTACT_ROLE.agency }, this.clock.now());
    await this.commands.execute('AssignContactPerson', { participantId, ...body, named }, decideAssignContactPerson, principal, correlationId);
  }
}
