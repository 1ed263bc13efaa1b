import { UseCaseCommand } from '@ips/command-pipeline';
import { EndTreatment } from '@ips/mental-health/domain';

/** end-treatment: treatment at this service ends; IPS support goes on. */
export class EndTreatmentCommand extends UseCaseCommand<EndTreatment> {
  readonly type = 'EndTreatment';
}
