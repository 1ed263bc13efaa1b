import { Body, HttpCode, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideDefineTeam } from '@ips/programme/domain';
import { TeamCommands } from '../team-command.handler';
import { ApiInvalidRequest, ApiProblem, TeamsController } from '../team-route';
import { DefineTeamDto, TeamDefinedDto } from './define-team.dto';

/** What the controller needs of the framework's reply: to answer 201 for a new team (Fastify's and Express's alike). */
interface StatusReply {
  status(code: number): unknown;
}

@TeamsController()
export class DefineTeamController {
  constructor(private readonly teams: TeamCommands) {}

  @Put(':teamId')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Define an IPS team under an id you choose (201), or change its name, municipality or time zone (200). ' +
      'Sending the same definition again changes nothing (200); the members stay. The programme administrator only.',
  })
  @ApiCreatedResponse({ type: TeamDefinedDto, description: 'a new team' })
  @ApiOkResponse({ type: TeamDefinedDto, description: 'the team existed: changed, or already so' })
  @ApiInvalidRequest('timeZone', 'timeZone must be shorter than or equal to 64 characters')
  @ApiProblem(422, ['TEAM.INVALID_TIME_ZONE', 'TEAM.ADMINISTRATOR_ONLY'], 'not an IANA time zone, e.g. Europe/Oslo')
  async define(
    @PathId('teamId') teamId: string,
    @Body() body: DefineTeamDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: StatusReply,
    @CorrelationId() correlationId?: string,
  ): Promise<TeamDefinedDto> {
    const { name, municipality, timeZone } = body;
    const { created } = await this.teams.define('DefineTeam', { teamId, name, municipality, timeZone }, decideDefineTeam, principal, correlationId);
    if (created) reply.status(201);
    return { teamId };
  }
}
