import { UseCaseCommand } from '@ips/command-pipeline';
import { CreateCareerProfile } from '@ips/welfare-office/domain';

/** record-career-profile: the specialist writes the career profile from the first meetings. */
export class CreateCareerProfileCommand extends UseCaseCommand<CreateCareerProfile> {
  readonly type = 'CreateCareerProfile';
}
