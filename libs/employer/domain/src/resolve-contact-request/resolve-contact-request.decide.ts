import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { ContactRequestErrors } from '../contact-request/contact-request.errors';
import { ContactRequestEvent } from '../contact-request/contact-request.events';
import { ContactRequestState } from '../contact-request/contact-request.state';

export type ResolveContactRequest = Command<'ResolveContactRequest', { readonly requestId: string; readonly note: string }>;

/** resolve-contact-request: resolving also ends the wait for an acknowledgement: whoever resolves it has obviously taken it. */
export function decideResolveContactRequest(command: ResolveContactRequest, state: ContactRequestState): Decision<ContactRequestEvent> {
  switch (state.status) {
    case 'None':
      return refuse('not-found', ContactRequestErrors.notFound, 'no such contact request');
    case 'Resolved':
      return refuse('conflict', ContactRequestErrors.alreadyResolved, 'the request has already been resolved');
    case 'Received':
    case 'Escalated':
    case 'Acknowledged': {
      const { requestId, placementId, participantId, employerId } = state;
      return accept({
        type: 'ContactRequestResolved',
        data: {
          requestId,
          placementId,
          participantId,
          employerId,
          resolvedBy: command.metadata.actor.sub,
          note: command.data.note,
          resolvedAt: command.metadata.now,
          resolvedAs: { agency: command.metadata.actor.agency, role: command.metadata.actor.role },
        },
      });
    }
    default:
      return assertNever(state);
  }
}
