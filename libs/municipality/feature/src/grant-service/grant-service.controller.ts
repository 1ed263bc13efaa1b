import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { CorrelationId, PathId } from '@ips/http';
import { decideGrantService } from '@ips/municipality/domain';
import { ParticipantServicesCommands } from '../participant-services-command.handler';
import { ParticipantController } from '../participant-route';
import { today } from '../time-fields';
import { GrantServiceDto, ServiceGrantedDto } from './grant-service.dto';

@ParticipantController()
export class GrantServiceController {
  constructor(
    private readonly commands: ParticipantServicesCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/services')
  @HttpCode(201)
  @ApiOperation({ summary: 'Grant a municipal service: housing, social assistance or an activity service. One active service of each kind.' })
  @ApiCreatedResponse({ type: ServiceGrantedDto })
  @ApiConflictResponse({ description: 'SERVICE.KIND_ALREADY_ACTIVE' })
  async grant(
    @PathId('id') participantId: string,
    @Body() body: GrantServiceDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<ServiceGrantedDto> {
    const serviceId = randomUUID();
    await this.commands.execute(
      'GrantService',
      {
        participantId,
        serviceId,
        kind: body.kind,
        grantedFrom: body.grantedFrom ?? today(this.clock.now()),
        ...(body.note === undefined ? {} : { note: body.note }),
      },
      decideGrantService,
      principal,
      correlationId,
    );
    return { serviceId };
  }
}
