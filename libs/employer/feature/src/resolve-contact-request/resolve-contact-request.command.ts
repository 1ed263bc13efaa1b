import { UseCaseCommand } from '@ips/command-pipeline';
import { ResolveContactRequest } from '@ips/employer/domain';

/** resolve-contact-request: the request is closed with a note for the team (never shown to the employer); escalation stops too. */
export class ResolveContactRequestCommand extends UseCaseCommand<ResolveContactRequest> {
  readonly type = 'ResolveContactRequest';
}
