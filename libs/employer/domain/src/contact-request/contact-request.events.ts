import { DomainEvent } from '@ips/kernel';
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
      /**
       * The participant's own employment specialist at receipt (null: none known), who is told of every request
       * about their participant whoever is on duty. Absent from events written before it was recorded.
       */
      readonly specialistId?: string | null;
    }
>;

export type ContactRequestEscalated = DomainEvent<
  'ContactRequestEscalated',
  RequestFact & AssignmentFact & { readonly level: number; readonly escalatedAt: string }
>;

/** In what capacity someone acted (their token's agency and role), so the employer can be told "a supervisor" when no name is known. */
export interface ActingAs {
  readonly agency: string;
  readonly role: string;
}

export type ContactRequestAcknowledged = DomainEvent<
  'ContactRequestAcknowledged',
  RequestFact & {
    readonly acknowledgedBy: string;
    readonly acknowledgedAt: string;
    /** Absent from events written before it was recorded. */
    readonly acknowledgedAs?: ActingAs;
  }
>;

export type ContactRequestResolved = DomainEvent<
  'ContactRequestResolved',
  RequestFact & {
    readonly resolvedBy: string;
    readonly note: string;
    readonly resolvedAt: string;
    /** Absent from events written before it was recorded. */
    readonly resolvedAs?: ActingAs;
  }
>;

export type ContactRequestEvent = ContactRequestReceived | ContactRequestEscalated | ContactRequestAcknowledged | ContactRequestResolved;
