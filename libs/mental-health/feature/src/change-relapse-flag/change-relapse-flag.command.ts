import { UseCaseCommand } from '@ips/command-pipeline';
import { ChangeRelapseFlag } from '@ips/mental-health/domain';

/** change-relapse-flag: treatment staff change the open warning: its level, review date or agreed actions. */
export class ChangeRelapseFlagCommand extends UseCaseCommand<ChangeRelapseFlag> {
  readonly type = 'ChangeRelapseFlag';
}
