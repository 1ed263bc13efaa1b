import { UseCaseCommand } from '@ips/command-pipeline';
import { ChangeContactDetails } from '@ips/welfare-office/domain';

/** change-contact-details: how the team reaches the participant (phone, e-mail) is replaced; a field left out is cleared. */
export class ChangeContactDetailsCommand extends UseCaseCommand<ChangeContactDetails> {
  readonly type = 'ChangeContactDetails';
}
