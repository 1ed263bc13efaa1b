import { UseCaseCommand } from '@ips/command-pipeline';
import { RecordFollowAlongContact } from '@ips/employer/domain';

/** record-follow-along-contact: follow-along support with the worker, the employer or both is recorded. */
export class RecordFollowAlongContactCommand extends UseCaseCommand<RecordFollowAlongContact> {
  readonly type = 'RecordFollowAlongContact';
}
