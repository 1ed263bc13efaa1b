import { UseCaseCommand } from '@ips/command-pipeline';
import { NoteEnrolment } from '@ips/employer/domain';

/** note-enrolment: the welfare office's enrolment of a participant, noted here from the bus: placements start only for the enrolled. */
export class NoteEnrolmentCommand extends UseCaseCommand<NoteEnrolment> {
  readonly type = 'NoteEnrolment';
}
