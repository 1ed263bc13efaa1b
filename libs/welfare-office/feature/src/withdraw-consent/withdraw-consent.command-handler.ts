import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideWithdrawConsent, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { WithdrawConsentCommand } from './withdraw-consent.command';

@CommandHandler(WithdrawConsentCommand)
export class WithdrawConsentHandler implements ICommandHandler<WithdrawConsentCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: WithdrawConsentCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, unlessErased(decideWithdrawConsent));
  }
}
