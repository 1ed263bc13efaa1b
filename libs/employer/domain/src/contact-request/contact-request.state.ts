import { Aggregate, assertNever } from '@ips/kernel';
import { ContactRequestEvent } from './contact-request.events';
import { OnCallTier, Urgency } from './on-call-tier';

export interface RequestDetails {
  readonly requestId: string;
  readonly placementId: string;
  readonly participantId: string;
  readonly employerId: string;
  readonly urgency: Urgency;
  readonly receivedAt: string;
  readonly tier: OnCallTier;
  readonly assigneeId: string | null;
  readonly acknowledgeBy: string;
  /** How many times it has escalated so far. */
  readonly escalations: number;
}

export type ContactRequestState =
  | { readonly status: 'None' }
  | (RequestDetails & { readonly status: 'Received' })
  | (RequestDetails & { readonly status: 'Escalated' })
  | (RequestDetails & { readonly status: 'Acknowledged'; readonly acknowledgedBy: string; readonly acknowledgedAt: string })
  | (RequestDetails & { readonly status: 'Resolved'; readonly resolvedBy: string; readonly resolvedAt: string });

/** A request nobody has acknowledged yet: the only kind a deadline can escalate. */
export type AwaitingAcknowledgement = Extract<ContactRequestState, { status: 'Received' | 'Escalated' }>;

export const initialContactRequestState: ContactRequestState = { status: 'None' };

/** The request's own facts, without what its status adds. */
const details = (state: ContactRequestState): RequestDetails | null => {
  if (state.status === 'None') return null;
  const { requestId, placementId, participantId, employerId, urgency, receivedAt, tier, assigneeId, acknowledgeBy, escalations } = state;
  return { requestId, placementId, participantId, employerId, urgency, receivedAt, tier, assigneeId, acknowledgeBy, escalations };
};

export function evolveContactRequest(state: ContactRequestState, event: ContactRequestEvent): ContactRequestState {
  const current = details(state);
  switch (event.type) {
    case 'ContactRequestReceived': {
      const { requestId, placementId, participantId, employerId, urgency, receivedAt, tier, assigneeId, acknowledgeBy } = event.data;
      const received = { requestId, placementId, participantId, employerId, urgency, receivedAt, tier, assigneeId, acknowledgeBy };
      return { status: 'Received', ...received, escalations: 0 };
    }
    case 'ContactRequestEscalated': {
      if (!current || (state.status !== 'Received' && state.status !== 'Escalated')) return state;
      const { tier, assigneeId, acknowledgeBy, level } = event.data;
      return { ...current, status: 'Escalated', tier, assigneeId, acknowledgeBy, escalations: level };
    }
    case 'ContactRequestAcknowledged': {
      if (!current || state.status === 'Resolved') return state;
      const { acknowledgedBy, acknowledgedAt } = event.data;
      return { ...current, status: 'Acknowledged', acknowledgedBy, acknowledgedAt };
    }
    case 'ContactRequestResolved': {
      if (!current) return state;
      return { ...current, status: 'Resolved', resolvedBy: event.data.resolvedBy, resolvedAt: event.data.resolvedAt };
    }
    default:
      return assertNever(event);
  }
}

export const contactRequestAggregate: Aggregate<ContactRequestState, ContactRequestEvent> = {
  category: 'employer.contact-request',
  initialState: initialContactRequestState,
  evolve: evolveContactRequest,
};
