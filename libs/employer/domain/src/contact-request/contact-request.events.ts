import { DomainEvent } from '@ips/utils';
import { OnCallTier, Urgency } from './on-call-tier';

/** The facts every event of a request repeats, so each maps to a shared event on its own. */
interface RequestFact {
  readonly requestId: string;
  readonly placementId: string;
  readonly participantId: string;
  readonly employerId: string;
}

interface AssignmentFact {
  readonly tier: OnCallTier;
  readonly assigneeId: string | null;
  readonly acknowledgeBy: string;
}

export type ContactRequestReceived = DomainEvent<
  'ContactRequestReceived',
  RequestFact &
    AssignmentFact & {
      readonly urgency: Urgency;
      /** The employer's own words and number: kept in this service only. */
      readonly message: string;
      readonly callbackPhone: string;
      readonly receivedAt: string;
    }
>;

export type ContactRequestEscalated = DomainEvent<
  'ContactRequestEscalated',
  RequestFact & AssignmentFact & { readonly level: number; readonly escalatedAt: string }
>;

export type ContactRequestAcknowledged = DomainEvent<
  'ContactRequestAcknowledged',
  RequestFact & { readonly acknowledgedBy: string; readonly acknowledgedAt: string }
>;

export type ContactRequestResolved = DomainEvent<
  'ContactRequestResolved',
  RequestFact & { readonly resolvedBy: string; readonly note: string; readonly resolvedAt: string }
>;

export type ContactRequestEvent =
  | ContactRequestReceived
  | ContactRequestEscalated
  | ContactRequestAcknowledged
  | ContactRequestResolved;
