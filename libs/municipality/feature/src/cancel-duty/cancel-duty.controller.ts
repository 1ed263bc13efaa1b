import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, NoFieldsPipe, PathId } from '@ips/http';
import { decideCancelDuty } from '@ips/municipality/domain';
import { CrisisDutyController } from '../crisis-duty-route';
import { CrisisRotaCommands } from '../crisis-rota-command.handler';
import { DEFAULT_ROTA_ID } from '../crisis-rota.slice';

/** No body fields: the domain's cancellation carries nothing but the shift (anything sent is 400). */
@CrisisDutyController()
export class CancelDutyController {
  constructor(private readonly commands: CrisisRotaCommands) {}

  @Post(':shiftId/cancel')
  @HttpCode(201)
  @ApiOperation({ summary: 'Cancel a crisis duty shift; from then on nobody is on duty through it.' })
  @ApiCreatedResponse({ description: 'cancelled' })
  @ApiNotFoundResponse({ description: 'DUTY.NOT_FOUND' })
  @ApiConflictResponse({ description: 'DUTY.ALREADY_CANCELLED' })
  async cancel(
    @PathId('shiftId') shiftId: string,
    @Body(NoFieldsPipe) _body: Record<string, never>,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('CancelDuty', { rotaId: DEFAULT_ROTA_ID, shiftId }, decideCancelDuty, principal, correlationId);
  }
}
