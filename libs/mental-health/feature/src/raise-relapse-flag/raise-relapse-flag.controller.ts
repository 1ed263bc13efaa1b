import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { RaiseRelapseFlagCommand } from './raise-relapse-flag.command';
import { RaiseRelapseFlagDto, RelapseFlagRaisedDto } from './raise-relapse-flag.dto';

@ApiTags('mental-health')
@ApiBearerAuth()
@Controller('mental-health/participants')
export class RaiseRelapseFlagController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/relapse-flags')
  @HttpCode(201)
  @ApiOperation({ summary: 'Raise an early warning of relapse to the IPS team. One open flag at a time; change it instead.' })
  @ApiCreatedResponse({ type: RelapseFlagRaisedDto })
  @ApiConflictResponse({ description: 'RELAPSE_FLAG.ALREADY_OPEN, PARTICIPANT.NOT_ENROLLED' })
  @ApiUnprocessableEntityResponse({ description: 'RELAPSE_FLAG.REVIEW_DATE_IN_PAST' })
  async raise(@PathId('id') participantId: string, @Body() body: RaiseRelapseFlagDto, @Issuer() issuer: CommandIssuer): Promise<RelapseFlagRaisedDto> {
    const flagId = randomUUID();
    const data = { participantId, flagId, level: body.level, reviewBy: body.reviewBy, actions: body.actions ?? [] };
    accepted(await this.commands.execute(new RaiseRelapseFlagCommand(data, issuer)));
    return { flagId };
  }
}
