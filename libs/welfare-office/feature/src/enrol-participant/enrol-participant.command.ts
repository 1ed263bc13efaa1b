import { UseCaseCommand } from '@ips/command-pipeline';
import { Command } from '@ips/kernel';
import { EnrolParticipant } from '@ips/welfare-office/domain';

/** enrol-participant: a referred participant goes on an employment specialist's caseload, with a fixed contact person. */
export class EnrolParticipantCommand extends UseCaseCommand<Command<'EnrolParticipant', Omit<EnrolParticipant['data'], 'staff'>>> {
  readonly type = 'EnrolParticipant';
}
