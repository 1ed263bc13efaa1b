import { UseCaseCommand } from '@ips/command-pipeline';
import { NoteDischarge } from '@ips/mental-health/domain';

/** note-discharge: the welfare office's discharge of a participant, noted here from the bus. */
export class NoteDischargeCommand extends UseCaseCommand<NoteDischarge> {
  readonly type = 'NoteDischarge';
}
