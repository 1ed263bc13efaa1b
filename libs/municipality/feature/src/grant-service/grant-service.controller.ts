import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { AgencyController, PathId } from '@ips/http';
import { CLOCK, Clock, CommandIssuer, accepted } from '@ips/kernel';
import { today } from '../time-fields';
import { GrantServiceCommand } from './grant-service.command';
import { GrantServiceDto, ServiceGrantedDto } from './grant-service.dto';

@AgencyController('municipality', 'participants')
export class GrantServiceController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/services')
  @HttpCode(201)
  @ApiOperation({ summary: 'Grant a municipal service: housing, social assistance or an activity service. One active service of each kind.' })
  @ApiCreatedResponse({ type: ServiceGrantedDto })
  @ApiConflictResponse({ description: 'SERVICE.KIND_ALREADY_ACTIVE' })
  async grant(@PathId('id') participantId: string, @Body() body: GrantServiceDto, @Issuer() issuer: CommandIssuer): Promise<ServiceGrantedDto> {
    const serviceId = randomUUID();
    const data = {
      participantId,
      serviceId,
      kind: body.kind,
      grantedFrom: body.grantedFrom ?? today(this.clock.now()),
      ...(body.note === undefined ? {} : { note: body.note }),
    };
    accepted(await this.commands.execute(new GrantServiceCommand(data, issuer)));
    return { serviceId };
  }
}
