import { UseCaseCommand } from '@ips/command-pipeline';
import { ClearRelapseFlag } from '@ips/mental-health/domain';

/** clear-relapse-flag: treatment staff clear a warning that is over. */
export class ClearRelapseFlagCommand extends UseCaseCommand<ClearRelapseFlag> {
  readonly type = 'ClearRelapseFlag';
}
