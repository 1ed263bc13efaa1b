import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideDischargeParticipant, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { DischargeParticipantCommand } from './discharge-participant.command';

@CommandHandler(DischargeParticipantCommand)
export class DischargeParticipantHandler implements ICommandHandler<DischargeParticipantCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: DischargeParticipantCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, unlessErased(decideDischargeParticipant));
  }
}
