import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { WithdrawReferralCommand } from './withdraw-referral.command';
import { WithdrawReferralDto } from './withdraw-referral.dto';

@AgencyController('welfare-office', 'participants')
export class WithdrawReferralController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute('referral-withdrawal', "End a referral by the participant's own choice, with their reason.", {
    notFound: 'PARTICIPANT.NOT_FOUND',
    conflicts: 'PARTICIPANT.REFERRAL_CLOSED',
  })
  async withdraw(@PathId('id') participantId: string, @Body() body: WithdrawReferralDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new WithdrawReferralCommand({ participantId, ...body }, issuer)));
  }
}
