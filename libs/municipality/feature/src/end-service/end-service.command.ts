import { UseCaseCommand } from '@ips/command-pipeline';
import { EndService } from '@ips/municipality/domain';

/** end-service: a municipal service of the participant ends, on its last day. */
export class EndServiceCommand extends UseCaseCommand<EndService> {
  readonly type = 'EndService';
}
