import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId } from '@ips/http';
import { decideScheduleDuty } from '@ips/municipality/domain';
import { CrisisDutyController } from '../crisis-duty-route';
import { CrisisRotaCommands } from '../crisis-rota-command.handler';
import { DEFAULT_ROTA_ID } from '../crisis-rota.slice';
import { toInstant } from '../time-fields';
import { DutyScheduledDto, ScheduleDutyDto } from './schedule-duty.dto';

@CrisisDutyController()
export class ScheduleDutyController {
  constructor(private readonly commands: CrisisRotaCommands) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Put a worker on crisis duty from one instant to another; the employer line calls whoever is on duty.' })
  @ApiCreatedResponse({ type: DutyScheduledDto })
  @ApiConflictResponse({ description: 'DUTY.OVERLAPS: the worker already has a shift then' })
  @ApiUnprocessableEntityResponse({ description: 'DUTY.INVALID_PHONE, DUTY.INVALID_PERIOD' })
  async schedule(@Body() body: ScheduleDutyDto, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string): Promise<DutyScheduledDto> {
    const shiftId = randomUUID();
    await this.commands.execute(
      'ScheduleDuty',
      {
        rotaId: DEFAULT_ROTA_ID,
        shiftId,
        workerId: body.workerId,
        name: body.name,
        phone: body.phone,
        from: toInstant(body.from),
        to: toInstant(body.to),
      },
      decideScheduleDuty,
      principal,
      correlationId,
    );
    return { shiftId };
  }
}
