import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { ContactRequestErrors } from '../contact-request/contact-request.errors';
import { ContactRequestEvent } from '../contact-request/contact-request.events';
import { ContactRequestState } from '../contact-request/contact-request.state';

export type AcknowledgeContactRequest = Command<'AcknowledgeContactRequest', { readonly requestId: string }>;

/** acknowledge-contact-request: anyone on the team may take a request, not only the one it went to: what matters is that someone does. */
export function decideAcknowledgeContactRequest(command: AcknowledgeContactRequest, state: ContactRequestState): Decision<ContactRequestEvent> {
  switch (state.status) {
    case 'None':
      return refuse('not-found', ContactRequestErrors.notFound, 'no such contact request');
    case 'Acknowledged':
      return refuse('conflict', ContactRequestErrors.alreadyAcknowledged, `already acknowledged by ${state.acknowledgedBy}`);
    case 'Resolved':
      return refuse('conflict', ContactRequestErrors.alreadyResolved, 'the request has been resolved');
    case 'Received':
    case 'Escalated': {
      const { requestId, placementId, participantId, employerId } = state;
      return accept({
        type: 'ContactRequestAcknowledged',
        data: {
          requestId,
          placementId,
          participantId,
          employerId,
          acknowledgedBy: command.metadata.actor.sub,
          acknowledgedAt: command.metadata.now,
          acknowledgedAs: { agency: command.metadata.actor.agency, role: command.metadata.actor.role },
        },
      });
    }
    default:
      return assertNever(state);
  }
}
