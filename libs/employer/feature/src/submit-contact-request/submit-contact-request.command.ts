import { UseCaseCommand } from '@ips/command-pipeline';
import { SubmitContactRequest } from '@ips/employer/domain';
import { Command, CommandIssuer } from '@ips/kernel';

type Intake = Omit<SubmitContactRequest['data'], 'placement' | 'onDuty' | 'specialistId' | 'acknowledgeWithin'>;

/** submit-contact-request: an employer asks the team, on the 24/7 line, for contact about its placement. */
export class SubmitContactRequestCommand extends UseCaseCommand<Command<'SubmitContactRequest', Intake>> {
  readonly type = 'SubmitContactRequest';

  constructor(
    data: Intake,
    metadata: CommandIssuer,
    /**
     * The request id was made just now at random (no Idempotency-Key), so its stream needs no reading (RunOptions.newStream).
     * Otherwise it was made from the key: a request already received under it is a retry.
     */
    readonly newStream = false,
  ) {
    super(data, metadata);
  }
}
