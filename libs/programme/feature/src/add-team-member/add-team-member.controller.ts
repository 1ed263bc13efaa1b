import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { AgencyController, ApiInvalidRequest, ApiProblem, PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { AddTeamMemberCommand } from './add-team-member.command';
import { AddTeamMemberDto } from './add-team-member.dto';

@AgencyController('programme', 'teams')
export class AddTeamMemberController {
  constructor(private readonly commands: CommandBus) {}

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
  async add(@PathId('teamId') teamId: string, @Body() body: AddTeamMemberDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    const { sub, displayName, agency, role, from } = body;
    const data = { teamId, sub, displayName, agency, role, ...(from === undefined ? {} : { from }) };
    accepted(await this.commands.execute(new AddTeamMemberCommand(data, issuer)));
  }
}
