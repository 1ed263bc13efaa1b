import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideRaiseRelapseFlag } from '@ips/mental-health/domain';
import { ParticipantCareCommands } from '../participant-care-command.handler';
import { RaiseRelapseFlagDto, RelapseFlagRaisedDto } from './raise-relapse-flag.dto';

@ApiTags('mental-health')
@ApiBearerAuth()
@Controller('mental-health/participants')
export class RaiseRelapseFlagController {
  constructor(private readonly commands: ParticipantCareCommands) {}

  @Post(':id/relapse-flags')
  @HttpCode(201)
  @ApiOperation({ summary: 'Raise an early warning of relapse to the IPS team. One open flag at a time; change it instead.' })
  @ApiCreatedResponse({ type: RelapseFlagRaisedDto })
  @ApiConflictResponse({ description: 'RELAPSE_FLAG.ALREADY_OPEN, PARTICIPANT.NOT_ENROLLED' })
  @ApiUnprocessableEntityResponse({ description: 'RELAPSE_FLAG.REVIEW_DATE_IN_PAST' })
  async raise(
    @PathId('id') participantId: string,
    @Body() body: RaiseRelapseFlagDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<RelapseFlagRaisedDto> {
    const flagId = randomUUID();
    await this.commands.execute(
      'RaiseRelapseFlag',
      { participantId, flagId, level: body.level, reviewBy: body.reviewBy, actions: body.actions ?? [] },
      decideRaiseRelapseFlag,
      principal,
      correlationId,
    );
    return { flagId };
  }
}
