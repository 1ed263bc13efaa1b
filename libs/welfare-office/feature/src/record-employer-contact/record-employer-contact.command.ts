import { UseCaseCommand } from '@ips/command-pipeline';
import { Command } from '@ips/kernel';
import { RecordEmployerContact } from '@ips/welfare-office/domain';

/** record-employer-contact: the specialist's contact with an employer for this participant (job development); today when no day is given. */
export class RecordEmployerContactCommand extends UseCaseCommand<
  Command<'RecordEmployerContact', Omit<RecordEmployerContact['data'], 'contactedOn'> & { readonly contactedOn?: string }>
> {
  readonly type = 'RecordEmployerContact';
}
