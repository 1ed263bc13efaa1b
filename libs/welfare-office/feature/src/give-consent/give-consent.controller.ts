import { Body, Headers, Param } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { UuidParam } from '@ips/http';
import { decideGiveConsent, decideWithdrawConsent } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { GiveConsentDto, WithdrawConsentDto } from './give-consent.dto';

@ParticipantController()
export class GiveConsentController {
  constructor(private readonly commands: ParticipantCommands) {}

  @RecordRoute('consents', "Record the participant's consent: who shares the record, and whether an employer may be told. Replaces the last one.", null)
  async give(
    @Param('id', UuidParam()) participantId: string,
    @Body() body: GiveConsentDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('GiveConsent', { participantId, ...body }, decideGiveConsent, principal, correlationId);
  }

  @RecordRoute('consent-withdrawal', 'Withdraw consent: from now on each agency sees only its own entries.', 'CONSENT.NONE')
  async withdraw(
    @Param('id', UuidParam()) participantId: string,
    @Body() body: WithdrawConsentDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('WithdrawConsent', { participantId, ...body }, decideWithdrawConsent, principal, correlationId);
  }
}
