import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { AgencyController, ApiProblem, PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { EndTeamMembershipCommand } from './end-team-membership.command';
import { EndTeamMembershipDto } from './end-team-membership.dto';

/** `:sub` in the path: a member's token subject (not a UUID). */
const ApiMemberParam = () => ApiParam({ name: 'sub', description: "the member's token subject", example: 'es-ingrid' });

@AgencyController('programme', 'teams')
export class EndTeamMembershipController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':teamId/members/:sub/end')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "End a person's membership: access through this team ends that day (today when left out; at most 30 days back). " +
      'By the administrator or a supervisor of the team; a supervisor is removed by the administrator, or steps down.',
  })
  @ApiMemberParam()
  @ApiCreatedResponse({ description: 'ended' })
  @ApiProblem(404, ['TEAM.MEMBER_NOT_FOUND', 'TEAM.NOT_FOUND'], 'this person has no membership to end on the team')
  @ApiProblem(422, ['TEAM.END_TOO_FAR_BACK', 'TEAM.END_BEFORE_START', 'TEAM.SUPERVISOR_BY_ADMINISTRATOR'], 'an end is recorded at most 30 days back')
  async end(@PathId('teamId') teamId: string, @Param('sub') sub: string, @Body() body: EndTeamMembershipDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    const data = { teamId, sub, ...(body.on === undefined ? {} : { on: body.on }) };
    accepted(await this.commands.execute(new EndTeamMembershipCommand(data, issuer)));
  }
}
