import { UseCaseCommand } from '@ips/command-pipeline';
import { UpdateCareerProfile } from '@ips/welfare-office/domain';

/** update-career-profile: the specialist replaces the career profile (after every job, and whenever needed). */
export class UpdateCareerProfileCommand extends UseCaseCommand<UpdateCareerProfile> {
  readonly type = 'UpdateCareerProfile';
}
