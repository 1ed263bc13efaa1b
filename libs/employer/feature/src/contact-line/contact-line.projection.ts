import { ContactRequestEvent, contactRequestAggregate } from '@ips/employer/domain';
import { RecordedEvent, recordedOf } from '@ips/event-store';
import { SqlExecutor } from '@ips/postgres';
import type { ContactRequestRecord } from './contact-request.view';

/** What the projections of one batch share, worked out once for all of them. */
export interface ContactLineBatch {
  /** The batch's contact-request events, in order, as the domain knows them. */
  readonly requestEvents: readonly { readonly event: RecordedEvent; readonly domainEvent: ContactRequestEvent }[];
  /** The request list's view of its request after each event, by event id. */
  readonly viewAfter: Map<string, ContactRequestRecord>;
}

const isContactRequestEvent = recordedOf<ContactRequestEvent>(contactRequestAggregate, {
  ContactRequestReceived: true,
  ContactRequestEscalated: true,
  ContactRequestAcknowledged: true,
  ContactRequestResolved: true,
});

/** A batch of the employer service's events, before any projection has seen it. */
export const contactLineBatchOf = (events: readonly RecordedEvent[]): ContactLineBatch => ({
  requestEvents: events.filter(isContactRequestEvent).map((event) => ({ event, domainEvent: event })),
  viewAfter: new Map(),
});

/**
 * Applies a batch of the employer service's own events to a read model, in the subscription's transaction:
 * a few statements a batch, not a few an event, so the read models keep up with a busy line.
 */
export type ContactLineProjection = (events: readonly RecordedEvent[], tx: SqlExecutor, batch: ContactLineBatch) => Promise<void>;

/** For a read model whose events are rare (a placement started, a team defined): one event at a time. */
export const eachEvent =
  (project: (event: RecordedEvent, tx: SqlExecutor) => Promise<void>): ContactLineProjection =>
  async (events, tx) => {
    for (const event of events) await project(event, tx);
  };
