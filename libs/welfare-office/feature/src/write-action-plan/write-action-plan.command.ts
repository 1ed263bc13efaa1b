import { UseCaseCommand } from '@ips/command-pipeline';
import { WriteActionPlan } from '@ips/welfare-office/domain';

/** write-action-plan: the specialist records the participant's own action plan, perhaps from their open proposal; a later one replaces it. */
export class WriteActionPlanCommand extends UseCaseCommand<WriteActionPlan> {
  readonly type = 'WriteActionPlan';
}
