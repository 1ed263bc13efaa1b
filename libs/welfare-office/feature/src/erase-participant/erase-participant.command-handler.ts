import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { decideEraseParticipant, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { ReferralFingerprints } from '../refer-participant/referral-fingerprints';
import { EraseParticipantCommand } from './erase-participant.command';

/**
 * Crypto-shredding: the participant's key is destroyed, then the erasure is recorded (and published, so every agency's
 * view shows it). Destroying first means a crash in between leaves the data unreadable and the command safe to repeat.
 */
@CommandHandler(EraseParticipantCommand)
export class EraseParticipantHandler implements ICommandHandler<EraseParticipantCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
    private readonly fingerprints: ReferralFingerprints,
  ) {}

  execute(command: EraseParticipantCommand): Promise<CommandOutcome> {
    const { participantId } = command.data;
    return this.pipeline.run(participantSlice, participantId, command, unlessErased(decideEraseParticipant), {
      // The duplicate check's hash of their name and birth date goes with the key.
      beforeAppend: async () => {
        await this.personalData.erase(participantId);
        await this.fingerprints.forget(participantId);
      },
    });
  }
}
