import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideEndTeamMembership } from '@ips/programme/domain';
import { TeamCommands } from '../team-command.handler';
import { ApiMemberParam, ApiProblem, TeamsController } from '../team-route';
import { EndTeamMembershipDto } from './end-team-membership.dto';

@TeamsController()
export class EndTeamMembershipController {
  constructor(private readonly teams: TeamCommands) {}

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
  async end(
    @PathId('teamId') teamId: string,
    @Param('sub') sub: string,
    @Body() body: EndTeamMembershipDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.teams.execute(
      'EndTeamMembership',
      { teamId, sub, ...(body.on === undefined ? {} : { on: body.on }) },
      decideEndTeamMembership,
      principal,
      correlationId,
    );
  }
}
