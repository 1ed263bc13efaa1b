import { UseCaseCommand } from '@ips/command-pipeline';
import { EraseParticipant } from '@ips/welfare-office/domain';

/** erase-participant: a supervisor erases the participant's personal data; their key is destroyed, the rest of the record stays. */
export class EraseParticipantCommand extends UseCaseCommand<EraseParticipant> {
  readonly type = 'EraseParticipant';
}
