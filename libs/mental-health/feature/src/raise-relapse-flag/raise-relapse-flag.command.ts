import { UseCaseCommand } from '@ips/command-pipeline';
import { RaiseRelapseFlag } from '@ips/mental-health/domain';

/** raise-relapse-flag: treatment staff warn the IPS team early of a relapse risk. */
export class RaiseRelapseFlagCommand extends UseCaseCommand<RaiseRelapseFlag> {
  readonly type = 'RaiseRelapseFlag';
}
