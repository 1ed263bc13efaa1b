import { UseCaseCommand } from '@ips/command-pipeline';
import { ProposeActionPlan } from '@ips/welfare-office/domain';

/** propose-action-plan: the participant writes their action plan, or proposes changes to it, on their own page. */
export class ProposeActionPlanCommand extends UseCaseCommand<ProposeActionPlan> {
  readonly type = 'ProposeActionPlan';
}
