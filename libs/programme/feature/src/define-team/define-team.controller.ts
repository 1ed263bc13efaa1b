import { Body, HttpCode, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { Recorded } from '@ips/command-pipeline';
import { AgencyController, ApiInvalidRequest, ApiProblem, PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { DefineTeamCommand } from './define-team.command';
import { DefineTeamDto, TeamDefinedDto } from './define-team.dto';

/** What the controller needs of the framework's reply: to answer 201 for a new team (Fastify's and Express's alike). */
interface StatusReply {
  status(code: number): unknown;
}

/**
 * Whether the team is new: its stream was empty when the stored decision was taken (the pipeline decides again on a
 * concurrent write, so the last decision is the one that counts), read from what was recorded, not from a second read.
 */
const created = (recorded: Recorded): boolean => recorded.eventIds.length > 0 && recorded.streamVersion === recorded.eventIds.length;

@AgencyController('programme', 'teams')
export class DefineTeamController {
  constructor(private readonly commands: CommandBus) {}

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
    @Issuer() issuer: CommandIssuer,
    @Res({ passthrough: true }) reply: StatusReply,
  ): Promise<TeamDefinedDto> {
    const { name, municipality, timeZone } = body;
    const recorded = accepted(await this.commands.execute(new DefineTeamCommand({ teamId, name, municipality, timeZone }, issuer)));
    if (created(recorded)) reply.status(201);
    return { teamId };
  }
}
