import { UseCaseCommand } from '@ips/command-pipeline';
import { GiveConsent } from '@ips/welfare-office/domain';

/** give-consent: the participant says who shares their record, and whether an employer may be told; it replaces the last consent. */
export class GiveConsentCommand extends UseCaseCommand<GiveConsent> {
  readonly type = 'GiveConsent';
}
