import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideTransferParticipant, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { ReferralFingerprints } from '../refer-participant/referral-fingerprints';
import { TEAM_REGISTRY, TeamRegistry } from '../team-registry.port';
import { TransferParticipantCommand } from './transfer-participant.command';

/** The decider is told whether the programme defined the new team; the duplicate check then finds the participant there. */
@CommandHandler(TransferParticipantCommand)
export class TransferParticipantHandler implements ICommandHandler<TransferParticipantCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(TEAM_REGISTRY) private readonly teams: TeamRegistry,
    private readonly fingerprints: ReferralFingerprints,
  ) {}

  async execute({ type, data, metadata }: TransferParticipantCommand): Promise<CommandOutcome> {
    const toTeamKnown = await this.teams.teamExists(data.toTeamId);
    const outcome = await this.pipeline.run(
      participantSlice,
      data.participantId,
      { type, data: { ...data, toTeamKnown }, metadata },
      unlessErased(decideTransferParticipant),
    );
    // The duplicate check looks in the referrer's teams: the participant is now found in the new one.
    if (outcome.ok) await this.fingerprints.moveTo(data.participantId, data.toTeamId);
    return outcome;
  }
}
