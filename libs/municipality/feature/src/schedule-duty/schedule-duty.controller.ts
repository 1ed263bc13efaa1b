import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { AgencyController } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { DEFAULT_ROTA_ID } from '../crisis-rota.slice';
import { toInstant } from '../time-fields';
import { ScheduleDutyCommand } from './schedule-duty.command';
import { DutyScheduledDto, ScheduleDutyDto } from './schedule-duty.dto';

@AgencyController('municipality', 'crisis-duty')
export class ScheduleDutyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Put a worker on crisis duty from one instant to another; the employer line calls whoever is on duty.' })
  @ApiCreatedResponse({ type: DutyScheduledDto })
  @ApiConflictResponse({ description: 'DUTY.OVERLAPS: the worker already has a shift then' })
  @ApiUnprocessableEntityResponse({ description: 'DUTY.INVALID_PHONE, DUTY.INVALID_PERIOD' })
  async schedule(@Body() body: ScheduleDutyDto, @Issuer() issuer: CommandIssuer): Promise<DutyScheduledDto> {
    const shiftId = randomUUID();
    const data = {
      rotaId: DEFAULT_ROTA_ID,
      shiftId,
      workerId: body.workerId,
      name: body.name,
      phone: body.phone,
      from: toInstant(body.from),
      to: toInstant(body.to),
    };
    accepted(await this.commands.execute(new ScheduleDutyCommand(data, issuer)));
    return { shiftId };
  }
}
