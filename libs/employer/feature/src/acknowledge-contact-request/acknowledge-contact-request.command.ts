import { UseCaseCommand } from '@ips/command-pipeline';
import { AcknowledgeContactRequest } from '@ips/employer/domain';

/** acknowledge-contact-request: someone on the team (or the crisis service, once it reached them) takes the request: escalation stops. */
export class AcknowledgeContactRequestCommand extends UseCaseCommand<AcknowledgeContactRequest> {
  readonly type = 'AcknowledgeContactRequest';
}
