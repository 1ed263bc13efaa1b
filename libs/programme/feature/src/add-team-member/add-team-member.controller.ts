import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideAddTeamMember } from '@ips/programme/domain';
import { TeamCommands } from '../team-command.handler';
import { ApiInvalidRequest, ApiProblem, TeamsController } from '../team-route';
import { AddTeamMemberDto } from './add-team-member.dto';

@TeamsController()
export class AddTeamMemberController {
  constructor(private readonly teams: TeamCommands) {}

  @Post(':teamId/members')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Add a person to the team from a day (today when left out): from then on they work with its participants. ' +
      'By the administrator or a supervisor of the team; only the administrator names supervisors.',
  })
  @ApiCreatedResponse({ description: 'added' })
  @ApiInvalidRequest('role', 'role must be one of the following values: caseworker, employment-specialist, clinician, supervisor, municipal-worker')
  @ApiProblem(404, ['TEAM.NOT_FOUND'], 'no such team (the answer to anyone who is neither the administrator nor a supervisor of it)')
  @ApiProblem(409, ['TEAM.MEMBER_ALREADY_ADDED'], 'already a member from 2026-09-01')
  @ApiProblem(
    422,
    ['TEAM.ROLE_NOT_OF_AGENCY', 'TEAM.SUPERVISOR_BY_ADMINISTRATOR', 'TEAM.FROM_OUT_OF_RANGE'],
    'clinician is not a role of the welfare-office on a team',
  )
  async add(
    @PathId('teamId') teamId: string,
    @Body() body: AddTeamMemberDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    const { sub, displayName, agency, role, from } = body;
    await this.teams.execute(
      'AddTeamMember',
      { teamId, sub, displayName, agency, role, ...(from === undefined ? {} : { from }) },
      decideAddTeamMember,
      principal,
      correlationId,
    );
  }
}
