import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideNoteEmployerLink } from '@ips/employer/domain';
import { participantEmploymentSlice } from '../participant-employment.slice';
import { NoteEmployerLinkCommand } from './note-employer-link.command';

@CommandHandler(NoteEmployerLinkCommand)
export class NoteEmployerLinkHandler implements ICommandHandler<NoteEmployerLinkCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: NoteEmployerLinkCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantEmploymentSlice, command.data.participantId, command, decideNoteEmployerLink);
  }
}
