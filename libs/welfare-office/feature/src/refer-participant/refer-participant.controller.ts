import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId } from '@ips/http';
import { decideReferParticipant } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ReferParticipantDto, ReferralCreatedDto } from './refer-participant.dto';

@ApiTags('welfare-office')
@ApiBearerAuth()
@Controller('welfare-office')
export class ReferParticipantController {
  constructor(private readonly commands: ParticipantCommands) {}

  @Post('referrals')
  @HttpCode(201)
  @ApiOperation({ summary: 'Refer someone to IPS. Zero exclusion: never refused for symptoms, use, history or readiness.' })
  @ApiCreatedResponse({ type: ReferralCreatedDto })
  async refer(
    @Body() body: ReferParticipantDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<ReferralCreatedDto> {
    const participantId = randomUUID();
    await this.commands.execute(
      'ReferParticipant',
      {
        participantId,
        givenName: body.givenName,
        familyName: body.familyName,
        birthDate: body.birthDate,
        referredBy: body.referredBy,
        reason: body.reason ?? null,
      },
      decideReferParticipant,
      principal,
      correlationId,
    );
    return { participantId };
  }
}
