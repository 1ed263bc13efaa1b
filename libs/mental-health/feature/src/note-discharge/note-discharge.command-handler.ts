import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideNoteDischarge } from '@ips/mental-health/domain';
import { participantCareSlice } from '../participant-care.slice';
import { NoteDischargeCommand } from './note-discharge.command';

@CommandHandler(NoteDischargeCommand)
export class NoteDischargeHandler implements ICommandHandler<NoteDischargeCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: NoteDischargeCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantCareSlice, command.data.participantId, command, decideNoteDischarge);
  }
}
