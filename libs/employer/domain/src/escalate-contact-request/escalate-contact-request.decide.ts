import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { ContactRequestErrors } from '../contact-request/contact-request.errors';
import { ContactRequestEvent } from '../contact-request/contact-request.events';
import { AwaitingAcknowledgement, ContactRequestState } from '../contact-request/contact-request.state';
import { AcknowledgementWindows, OnDuty, deadline, route, tierAbove } from '../contact-request/on-call-tier';

const { notFound, alreadyAcknowledged, alreadyResolved, alreadyEscalated, notDue, noFurtherEscalation } = ContactRequestErrors;

export type EscalateContactRequest = Command<
  'EscalateContactRequest',
  {
    readonly requestId: string;
    /** Which escalation this is (1, 2): a deadline fires once, however many workers saw it. */
    readonly level: number;
    /** Who is on duty for the participant's team now, looked up by the feature layer. */
    readonly onDuty: OnDuty;
    readonly acknowledgeWithin: AcknowledgementWindows;
  }
>;

/**
 * escalate-contact-request: A request nobody acknowledged by its deadline goes to the next tier with someone on duty (supervisor,
 * then the municipal crisis service), with a new deadline of the same length from now. With nobody on duty
 * in any tier above, it stays with whoever holds it, and is still escalated (level and deadline move on) so
 * the line tells the team again; the next deadline tries the tiers above once more.
 */
export function decideEscalateContactRequest(command: EscalateContactRequest, state: ContactRequestState): Decision<ContactRequestEvent> {
  switch (state.status) {
    case 'None':
      return refuse('not-found', notFound, 'no such contact request');
    case 'Acknowledged':
      return refuse('conflict', alreadyAcknowledged, `acknowledged by ${state.acknowledgedBy}: nothing to escalate`);
    case 'Resolved':
      return refuse('conflict', alreadyResolved, 'the request has been resolved');
    case 'Received':
    case 'Escalated':
      return escalate(command, state);
    default:
      return assertNever(state);
  }
}

function escalate(command: EscalateContactRequest, state: AwaitingAcknowledgement): Decision<ContactRequestEvent> {
  const { level, onDuty, acknowledgeWithin } = command.data;
  const { now } = command.metadata;
  if (level <= state.escalations) return refuse('conflict', alreadyEscalated, `escalation ${level} has already happened`);
  if (level > state.escalations + 1 || Date.parse(now) < Date.parse(state.acknowledgeBy)) {
    return refuse('conflict', notDue, `not due before ${state.acknowledgeBy}`);
  }
  const next = tierAbove(state.tier);
  if (!next) return refuse('conflict', noFurtherEscalation, 'the crisis service is the last tier');
  const { requestId, placementId, participantId, employerId, urgency, tier, assigneeId } = state;
  return accept({
    type: 'ContactRequestEscalated',
    data: {
      requestId,
      placementId,
      participantId,
      employerId,
      level,
      ...route(onDuty, next, { tier, assigneeId }),
      acknowledgeBy: deadline(now, acknowledgeWithin[urgency]),
      escalatedAt: now,
    },
  });
}
