import { UseCaseCommand } from '@ips/command-pipeline';
import { EndPlacement } from '@ips/employer/domain';

/** end-placement: a job ends; a job loss does not discharge anyone, the job search goes on. */
export class EndPlacementCommand extends UseCaseCommand<EndPlacement> {
  readonly type = 'EndPlacement';
}
