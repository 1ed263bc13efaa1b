import { UseCaseCommand } from '@ips/command-pipeline';
import { Command } from '@ips/kernel';
import { TransferParticipant } from '@ips/welfare-office/domain';

/** transfer-participant: the participant moves to another IPS team from a day on, with the reason. */
export class TransferParticipantCommand extends UseCaseCommand<Command<'TransferParticipant', Omit<TransferParticipant['data'], 'toTeamKnown'>>> {
  readonly type = 'TransferParticipant';
}
