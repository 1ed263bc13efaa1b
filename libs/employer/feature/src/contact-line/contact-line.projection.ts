import { RecordedEvent } from '@ips/event-store';
import { SqlExecutor } from '@ips/postgres';

/** Applies one of the employer service's own events to a read model, in the subscription's transaction. */
export type ContactLineProjection = (event: RecordedEvent, tx: SqlExecutor) => Promise<void>;
