import { UseCaseCommand } from '@ips/command-pipeline';
import { ReviewEmergencyAccess } from '../emergency-access';

/** review-emergency-access: a supervisor of the participant's team marks an emergency access reviewed, with a note (once). */
export class ReviewEmergencyAccessCommand extends UseCaseCommand<ReviewEmergencyAccess> {
  readonly type = 'ReviewEmergencyAccess';
}
