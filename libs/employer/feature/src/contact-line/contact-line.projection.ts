import { RecordedEvent } from '@ips/event-store';
import { SqlExecutor } from '@ips/postgres';
import type { StaffContactRequestView } from './contact-request.view';

/** What the projections of one batch share: the request list's view of its request after each event, by event id. */
export interface ContactLineBatch {
  readonly viewAfter: Map<string, StaffContactRequestView>;
}

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
