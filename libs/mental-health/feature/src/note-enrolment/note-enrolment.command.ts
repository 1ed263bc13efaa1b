import { UseCaseCommand } from '@ips/command-pipeline';
import { NoteEnrolment } from '@ips/mental-health/domain';

/** note-enrolment: the welfare office's enrolment of a participant, noted here from the bus. */
export class NoteEnrolmentCommand extends UseCaseCommand<NoteEnrolment> {
  readonly type = 'NoteEnrolment';
}
