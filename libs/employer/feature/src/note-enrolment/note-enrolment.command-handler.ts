import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideNoteEnrolment } from '@ips/employer/domain';
import { participantEmploymentSlice } from '../participant-employment.slice';
import { NoteEnrolmentCommand } from './note-enrolment.command';

@CommandHandler(NoteEnrolmentCommand)
export class NoteEnrolmentHandler implements ICommandHandler<NoteEnrolmentCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: NoteEnrolmentCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantEmploymentSlice, command.data.participantId, command, decideNoteEnrolment);
  }
}
