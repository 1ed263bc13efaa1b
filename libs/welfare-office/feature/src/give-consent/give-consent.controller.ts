import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideGiveConsent, decideWithdrawConsent } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { GiveConsentDto, WithdrawConsentDto } from './give-consent.dto';

@ParticipantController()
export class GiveConsentController {
  constructor(private readonly commands: ParticipantCommands) {}

  @RecordRoute('consents', "Record the participant's consent: who shares the record, and whether an employer may be told. Replaces the last one.", null)
  async give(
    @PathId('id') participantId: string,
    @Body() body: GiveConsentDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('GiveConsent', { participantId, ...body }, decideGiveConsent, principal, correlationId);
  }

  @RecordRoute('consent-withdrawal', 'Withdraw consent: from now on each agency sees only its own entries.', 'CONSENT.NONE')
  async withdraw(
    @PathId('id') participantId: string,
    @Body() body: WithdrawConsentDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('WithdrawConsent', { participantId, ...body }, decideWithdrawConsent, principal, correlationId);
  }
}
