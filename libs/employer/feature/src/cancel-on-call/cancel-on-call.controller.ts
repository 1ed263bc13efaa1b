import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { NoFieldsPipe, PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ApiEmptyBody, ApiProblem, OnCallController } from '../contact-line/contact-line-route';
import { CancelOnCallCommand } from './cancel-on-call.command';

@OnCallController()
export class CancelOnCallController {
  constructor(private readonly commands: CommandBus) {}

  @Post('teams/:teamId/shifts/:shiftId/cancel')
  @HttpCode(201)
  @ApiOperation({ summary: 'Cancel an on-call shift; requests from then on go to whoever else is on call. Body: {}.' })
  @ApiEmptyBody()
  @ApiCreatedResponse({ description: 'cancelled' })
  @ApiProblem(404, 'ON_CALL.SHIFT_NOT_FOUND', 'no such shift on this team')
  @ApiProblem(409, 'ON_CALL.SHIFT_ALREADY_CANCELLED', 'this shift is already cancelled')
  async cancel(
    @PathId('teamId') teamId: string,
    @PathId('shiftId') shiftId: string,
    @Body(NoFieldsPipe) _body: Record<string, never>,
    @Issuer() issuer: CommandIssuer,
  ): Promise<void> {
    accepted(await this.commands.execute(new CancelOnCallCommand({ teamId, shiftId }, issuer)));
  }
}
