import { UseCaseCommand } from '@ips/command-pipeline';
import { NoteEmployerLink } from '@ips/employer/domain';

/** note-employer-link: an employer the participant's specialist contacted for them, noted here from the bus: the team's link to the employer. */
export class NoteEmployerLinkCommand extends UseCaseCommand<NoteEmployerLink> {
  readonly type = 'NoteEmployerLink';
}
