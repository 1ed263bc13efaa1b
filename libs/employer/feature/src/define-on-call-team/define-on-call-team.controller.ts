import { Body, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ApiInvalidRequest, ApiProblem, OnCallController } from '../contact-line/contact-line-route';
import { ContactLineProjector } from '../contact-line/contact-line.projector';
import { DefineOnCallTeamCommand } from './define-on-call-team.command';
import { DefineOnCallTeamDto, OnCallTeamDefinedDto } from './define-on-call-team.dto';

@OnCallController()
export class DefineOnCallTeamController {
  constructor(
    private readonly commands: CommandBus,
    private readonly projector: ContactLineProjector,
  ) {}

  @Put('teams/:teamId')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Define (or redefine) an on-call team under an id you choose: its time zone and whose participants its on-call covers. ' +
      'Sending the same definition again changes nothing; the shifts stay. Only while the programme defines no team (the ' +
      "transition): once it has one, the on-call teams are the programme's teams (PUT /programme/teams/:teamId, then shifts " +
      'on its id) and this answers 409 ON_CALL.USE_PROGRAMME_TEAMS.',
  })
  @ApiOkResponse({ type: OnCallTeamDefinedDto })
  @ApiInvalidRequest('employmentSpecialistIds', 'employmentSpecialistIds must be an array')
  @ApiProblem(
    409,
    'ON_CALL.USE_PROGRAMME_TEAMS',
    "on-call teams are the programme's teams now: define the team with PUT /programme/teams/:teamId and schedule its on-call shifts on its id",
  )
  @ApiProblem(422, 'ON_CALL.INVALID_TIME_ZONE', 'not an IANA time zone, e.g. Europe/Oslo')
  async define(@PathId('teamId') teamId: string, @Body() body: DefineOnCallTeamDto, @Issuer() issuer: CommandIssuer): Promise<OnCallTeamDefinedDto> {
    accepted(await this.commands.execute(new DefineOnCallTeamCommand({ teamId, ...body }, issuer)));
    // Requests find a specialist's team in the contact line's team directory (a read model): answered once it has
    // the new members, a request sent after this answer is routed by them. Teams change rarely; intake never waits.
    await this.projector.waitForHead();
    return { teamId };
  }
}
