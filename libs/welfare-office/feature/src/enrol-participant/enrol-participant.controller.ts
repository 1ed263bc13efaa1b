import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { ApiProblem, CorrelationId, PathId } from '@ips/http';
import { ENROLMENT_ROLES, EnrolmentStaff, ParticipantErrors, StaffMembership, decideEnrolParticipant } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { TEAM_REGISTRY, TeamRegistry } from '../team-registry.port';
import { EnrolParticipantDto } from './enrol-participant.dto';

@ApiTags('welfare-office')
@ApiBearerAuth()
@Controller('welfare-office/participants')
export class EnrolParticipantController {
  constructor(
    private readonly commands: ParticipantCommands,
    @Inject(TEAM_REGISTRY) private readonly teams: TeamRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/enrolment')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Put a referred participant on an employment specialist's caseload, with a fixed contact person (a welfare-office caseworker). " +
      "Once teams are defined, both are picked from the participant's team: an employment specialist and a caseworker who are " +
      'members today. One enrolment per referral: a second is refused, never a replacement of the people named.',
  })
  @ApiCreatedResponse({ description: 'enrolled' })
  @ApiProblem(404, [ParticipantErrors.notFound], 'no referral for this participant')
  @ApiProblem(409, [ParticipantErrors.alreadyEnrolled, ParticipantErrors.referralClosed, ParticipantErrors.erased], 'the participant is already enrolled')
  @ApiProblem(
    422,
    [ParticipantErrors.notATeamMember],
    "employmentSpecialistId: es-ingrid is not an employment specialist on the participant's team today (pick one of the team's members)",
  )
  async enrol(
    @PathId('id') participantId: string,
    @Body() body: EnrolParticipantDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute(
      'EnrolParticipant',
      { participantId, ...body, staff: await this.staff(body) },
      decideEnrolParticipant,
      principal,
      correlationId,
    );
  }

  /** The named people's memberships today, from the service's team directory; null while no team is defined. */
  private async staff(body: EnrolParticipantDto): Promise<EnrolmentStaff | null> {
    if (!(await this.teams.anyTeamDefined())) return null;
    const now = this.clock.now();
    const of = async (sub: string, agency: string): Promise<StaffMembership[]> =>
      (await this.teams.teamsOf({ sub, agency }, now)).map(({ team, period }) => ({ teamId: team.teamId, agency: period.agency, role: period.role }));
    const [employmentSpecialist, contactPerson] = await Promise.all([
      of(body.employmentSpecialistId, ENROLMENT_ROLES.employmentSpecialist.agency),
      of(body.contactPersonId, ENROLMENT_ROLES.contactPerson.agency),
    ]);
    return { employmentSpecialist, contactPerson };
  }
}
