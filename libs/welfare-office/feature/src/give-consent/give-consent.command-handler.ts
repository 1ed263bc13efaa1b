import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideGiveConsent, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { GiveConsentCommand } from './give-consent.command';

@CommandHandler(GiveConsentCommand)
export class GiveConsentHandler implements ICommandHandler<GiveConsentCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: GiveConsentCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, unlessErased(decideGiveConsent));
  }
}
