import { UseCaseCommand } from '@ips/command-pipeline';
import { EndEmergencyAccess } from '../emergency-access';

/** end-emergency-access: the holder of an emergency access ends it before it expires; the record closes again at once. */
export class EndEmergencyAccessCommand extends UseCaseCommand<EndEmergencyAccess> {
  readonly type = 'EndEmergencyAccess';
}
