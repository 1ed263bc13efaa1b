import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { decideCancelOnCall } from '@ips/employer/domain';
import { CorrelationId, NoFieldsPipe, PathId } from '@ips/http';
import { ApiEmptyBody, ApiProblem, OnCallController } from '../contact-line/contact-line-route';
import { OnCallRosterCommands } from '../on-call-roster-command.handler';

@OnCallController()
export class CancelOnCallController {
  constructor(private readonly rosters: OnCallRosterCommands) {}

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
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.rosters.execute('CancelOnCall', { teamId, shiftId }, decideCancelOnCall, principal, correlationId);
  }
}
