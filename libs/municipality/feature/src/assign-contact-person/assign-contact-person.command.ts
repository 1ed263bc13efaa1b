import { UseCaseCommand } from '@ips/command-pipeline';
import { Command } from '@ips/kernel';
import { AssignContactPerson } from '@ips/municipality/domain';

/** assign-contact-person: the municipality names the participant's contact person; a later one replaces it. */
export class AssignContactPersonCommand extends UseCaseCommand<Command<'AssignContactPerson', Omit<AssignContactPerson['data'], 'named'>>> {
  readonly type = 'AssignContactPerson';
}
