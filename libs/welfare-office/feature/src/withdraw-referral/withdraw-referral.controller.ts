import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideWithdrawReferral } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { ReferralFingerprints } from '../refer-participant/referral-fingerprints';
import { WithdrawReferralDto } from './withdraw-referral.dto';

@ParticipantController()
export class WithdrawReferralController {
  constructor(
    private readonly commands: ParticipantCommands,
    private readonly fingerprints: ReferralFingerprints,
  ) {}

  @RecordRoute('referral-withdrawal', "End a referral by the participant's own choice, with their reason.", 'PARTICIPANT.REFERRAL_CLOSED')
  async withdraw(
    @PathId('id') participantId: string,
    @Body() body: WithdrawReferralDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('WithdrawReferral', { participantId, ...body }, decideWithdrawReferral, principal, correlationId);
    // A withdrawn referral is no duplicate of a new one.
    await this.fingerprints.forget(participantId);
  }
}
