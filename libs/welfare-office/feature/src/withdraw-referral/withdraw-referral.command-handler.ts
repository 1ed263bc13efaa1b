import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideWithdrawReferral, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { ReferralFingerprints } from '../refer-participant/referral-fingerprints';
import { WithdrawReferralCommand } from './withdraw-referral.command';

@CommandHandler(WithdrawReferralCommand)
export class WithdrawReferralHandler implements ICommandHandler<WithdrawReferralCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly fingerprints: ReferralFingerprints,
  ) {}

  async execute(command: WithdrawReferralCommand): Promise<CommandOutcome> {
    const { participantId } = command.data;
    const outcome = await this.pipeline.run(participantSlice, participantId, command, unlessErased(decideWithdrawReferral));
    // A withdrawn referral is no duplicate of a new one.
    if (outcome.ok) await this.fingerprints.forget(participantId);
    return outcome;
  }
}
