import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CLOCK, Clock, CurrentPrincipal, Principal, commandMetadata } from '@ips/access';
import { domainProblem } from '@ips/http';
import { WELFARE_OFFICE_STAFF } from '../welfare-office.roles';
import { ReferParticipantCommand } from './refer-participant.command-handler';
import { ReferParticipantDto, ReferralCreatedDto } from './refer-participant.dto';

@ApiTags('welfare-office')
@ApiBearerAuth()
@Controller('welfare-office')
export class ReferParticipantController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('referrals')
  @HttpCode(201)
  @Allow(WELFARE_OFFICE_STAFF)
  @ApiOperation({ summary: 'Refer someone to IPS. Zero exclusion: never refused for symptoms, use, history or readiness.' })
  @ApiCreatedResponse({ type: ReferralCreatedDto })
  async refer(
    @Body() body: ReferParticipantDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ReferralCreatedDto> {
    const participantId = randomUUID();
    const outcome = await this.commands.execute(
      new ReferParticipantCommand({
        type: 'ReferParticipant',
        data: {
          participantId,
          givenName: body.givenName,
          familyName: body.familyName,
          birthDate: body.birthDate,
          referredBy: body.referredBy,
          reason: body.reason ?? null,
        },
        metadata: commandMetadata(principal, this.clock, correlationId),
      }),
    );
    if (!outcome.ok) throw domainProblem(outcome.error);
    return { participantId };
  }
}
