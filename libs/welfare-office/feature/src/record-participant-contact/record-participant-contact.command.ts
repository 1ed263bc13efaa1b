import { UseCaseCommand } from '@ips/command-pipeline';
import { RecordParticipantContact } from '@ips/welfare-office/domain';

/** record-participant-contact: a meeting or call with the participant is recorded. */
export class RecordParticipantContactCommand extends UseCaseCommand<RecordParticipantContact> {
  readonly type = 'RecordParticipantContact';
}
