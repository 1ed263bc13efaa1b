import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { AgencyController, PathId } from '@ips/http';
import { CLOCK, Clock, CommandIssuer, accepted } from '@ips/kernel';
import { today } from '../time-fields';
import { EndServiceCommand } from './end-service.command';
import { EndServiceDto } from './end-service.dto';

@AgencyController('municipality', 'participants')
export class EndServiceController {
  constructor(
    private readonly commands: CommandBus,
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
    @Issuer() issuer: CommandIssuer,
  ): Promise<void> {
    const data = {
      participantId,
      serviceId,
      endedOn: body.endedOn ?? today(this.clock.now()),
      ...(body.reason === undefined ? {} : { reason: body.reason }),
    };
    accepted(await this.commands.execute(new EndServiceCommand(data, issuer)));
  }
}
