import { UseCaseCommand } from '@ips/command-pipeline';
import { DischargeParticipant } from '@ips/welfare-office/domain';

/** discharge-participant: the participant is discharged or moves on, with a reason (never missed appointments). */
export class DischargeParticipantCommand extends UseCaseCommand<DischargeParticipant> {
  readonly type = 'DischargeParticipant';
}
