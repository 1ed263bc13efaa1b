import { UseCaseCommand } from '@ips/command-pipeline';
import { WithdrawConsent } from '@ips/welfare-office/domain';

/** withdraw-consent: the participant takes their consent back; from now on each agency sees only its own entries. */
export class WithdrawConsentCommand extends UseCaseCommand<WithdrawConsent> {
  readonly type = 'WithdrawConsent';
}
