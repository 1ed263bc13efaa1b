import { OnCallTier, Urgency } from '@ips/employer/domain';
import { ContactRequestStatus } from './contact-request.view';

export type NotificationEvent = 'contact-request.received' | 'contact-request.escalated' | 'contact-request.acknowledged' | 'contact-request.resolved';

/**
 * What the on-call people are told. No message, phone or note, and no name or other personal data: channels are
 * broadcast and may be third-party (a paging gateway); the details are one authorised, audited GET away (`href`).
 *
 * Every notification about a request names both who holds it (`tier`, `assigneeId`) and the participant's own
 * employment specialist (`specialistId`), whoever is on duty: the specialist knows the person and the workplace and
 * is told of every request about their participant (a channel that pages people pages them too; the staff stream
 * shows it to them). Ids only, as the team directory knows them.
 */
export interface ContactLineNotification {
  /** The same on every retry, so a receiver can drop a repeat. */
  readonly deliveryId: string;
  readonly event: NotificationEvent;
  readonly requestId: string;
  readonly placementId: string;
  readonly participantId: string;
  readonly employerId: string;
  readonly urgency: Urgency;
  readonly status: ContactRequestStatus;
  readonly tier: OnCallTier;
  readonly assigneeId: string | null;
  /** The participant's own employment specialist at receipt, told of every request about them; null when none was known. */
  readonly specialistId: string | null;
  /** While nobody has taken it: when it escalates. */
  readonly acknowledgeBy: string | null;
  readonly occurredAt: string;
  readonly href: string;
}

/** One way of telling people. Throwing means "not delivered": the delivery is tried again later. */
export interface Notifier {
  readonly channel: string;
  /**
   * A hand-over within this process that cannot fail (the log, the staff stream): its deliveries are written
   * delivered with the events' projection and handed over as soon as that commits, never claimed or retried. Its
   * receivers live and die with the process: after a crash there is nobody to hand a retry to (the staff's web
   * app lists the requests when it reconnects).
   */
  readonly inProcess?: boolean;
  notify(notification: ContactLineNotification): Promise<void>;
}

export const NOTIFIERS = Symbol('NOTIFIERS');
