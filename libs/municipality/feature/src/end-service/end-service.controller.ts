import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { CorrelationId, PathId } from '@ips/http';
import { decideEndService } from '@ips/municipality/domain';
import { ParticipantServicesCommands } from '../participant-services-command.handler';
import { ParticipantController } from '../participant-route';
import { today } from '../time-fields';
import { EndServiceDto } from './end-service.dto';

@ParticipantController()
export class EndServiceController {
  constructor(
    private readonly commands: ParticipantServicesCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/services/:serviceId/end')
  @HttpCode(201)
  @ApiOperation({ summary: 'End a municipal service, on its last day.' })
  @ApiCreatedResponse({ description: 'ended' })
  @ApiNotFoundResponse({ description: 'SERVICE.NOT_FOUND' })
  @ApiConflictResponse({ description: 'SERVICE.ALREADY_ENDED' })
  @ApiUnprocessableEntityResponse({ description: 'SERVICE.END_BEFORE_START' })
  async end(
    @PathId('id') participantId: string,
    @PathId('serviceId') serviceId: string,
    @Body() body: EndServiceDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute(
      'EndService',
      {
        participantId,
        serviceId,
        endedOn: body.endedOn ?? today(this.clock.now()),
        ...(body.reason === undefined ? {} : { reason: body.reason }),
      },
      decideEndService,
      principal,
      correlationId,
    );
  }
}
