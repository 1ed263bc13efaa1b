import { UseCaseCommand } from '@ips/command-pipeline';
import { WithdrawReferral } from '@ips/welfare-office/domain';

/** withdraw-referral: the referral ends by the participant's own choice, with their reason. */
export class WithdrawReferralCommand extends UseCaseCommand<WithdrawReferral> {
  readonly type = 'WithdrawReferral';
}
