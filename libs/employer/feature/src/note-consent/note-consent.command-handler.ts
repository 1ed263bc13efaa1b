import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideNoteConsent } from '@ips/employer/domain';
import { participantEmploymentSlice } from '../participant-employment.slice';
import { NoteConsentCommand } from './note-consent.command';

@CommandHandler(NoteConsentCommand)
export class NoteConsentHandler implements ICommandHandler<NoteConsentCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: NoteConsentCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantEmploymentSlice, command.data.participantId, command, decideNoteConsent);
  }
}
