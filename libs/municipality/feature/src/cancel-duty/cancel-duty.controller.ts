import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { AgencyController, NoFieldsPipe, PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { DEFAULT_ROTA_ID } from '../crisis-rota.slice';
import { CancelDutyCommand } from './cancel-duty.command';

/** No body fields: the domain's cancellation carries nothing but the shift (anything sent is 400). */
@AgencyController('municipality', 'crisis-duty')
export class CancelDutyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':shiftId/cancel')
  @HttpCode(201)
  @ApiOperation({ summary: 'Cancel a crisis duty shift; from then on nobody is on duty through it.' })
  @ApiCreatedResponse({ description: 'cancelled' })
  @ApiNotFoundResponse({ description: 'DUTY.NOT_FOUND' })
  @ApiConflictResponse({ description: 'DUTY.ALREADY_CANCELLED' })
  async cancel(@PathId('shiftId') shiftId: string, @Body(NoFieldsPipe) _body: Record<string, never>, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new CancelDutyCommand({ rotaId: DEFAULT_ROTA_ID, shiftId }, issuer)));
  }
}
