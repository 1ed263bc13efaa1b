import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { WithdrawConsentCommand } from '../withdraw-consent/withdraw-consent.command';
import { WithdrawConsentDto } from '../withdraw-consent/withdraw-consent.dto';
import { GiveConsentCommand } from './give-consent.command';
import { GiveConsentDto } from './give-consent.dto';

/** The participant's consent: give-consent, and withdraw-consent (one controller, so the API document keeps its operation ids). */
@AgencyController('welfare-office', 'participants')
export class GiveConsentController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute('consents', "Record the participant's consent: who shares the record, and whether an employer may be told. Replaces the last one.", {
    notFound: 'PARTICIPANT.NOT_FOUND',
  })
  async give(@PathId('id') participantId: string, @Body() body: GiveConsentDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new GiveConsentCommand({ participantId, ...body }, issuer)));
  }

  @RecordRoute('consent-withdrawal', 'Withdraw consent: from now on each agency sees only its own entries.', {
    notFound: 'PARTICIPANT.NOT_FOUND',
    conflicts: 'CONSENT.NONE',
  })
  async withdraw(@PathId('id') participantId: string, @Body() body: WithdrawConsentDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new WithdrawConsentCommand({ participantId, ...body }, issuer)));
  }
}
