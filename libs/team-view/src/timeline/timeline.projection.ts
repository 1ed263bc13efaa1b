import { SharedEvent } from '@ips/contracts';
import { SqlExecutor } from '@ips/postgres';

/**
 * One row per shared event. The event id is the key, so a message delivered twice under different
 * cursors (a relay resend, a Kafka producer retry) still makes one entry.
 */
export async function projectToTimeline(event: SharedEvent, tx: SqlExecutor): Promise<void> {
  await tx.query(
    `insert into tv_timeline (event_id, participant_id, source, type, version, occurred_at, event)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb)
     on conflict (event_id) do nothing`,
    [event.id, event.participantId, event.source, event.type, event.version, event.occurredAt, JSON.stringify(event)],
  );
}
