import { SharedEvent, contracts, isSealed, personalFieldsOf } from '@ips/contracts';
import { ERASED } from '@ips/personal-data';
import { SqlExecutor } from '@ips/postgres';

/**
 * One row per shared event. The event id is the key, so a message delivered twice under different
 * cursors (a relay resend, a Kafka producer retry) still makes one entry. The row keeps the event as
 * published: its personal fields sealed, opened only when an allowed reader reads them. A run of events is
 * written in one statement, in arrival order (which `received` keeps). Answers the events that were new, for the
 * read models after it.
 */
export async function projectToTimeline(events: readonly SharedEvent[], tx: SqlExecutor): Promise<SharedEvent[]> {
  if (events.length === 0) return [];
  const inserted = await tx.query<{ event_id: string }>(
    `insert into tv_timeline (event_id, participant_id, source, type, version, occurred_at, event)
     select event_id, participant_id, source, type, version, occurred_at, event from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::jsonb[]) with ordinality
       as e(event_id, participant_id, source, type, version, occurred_at, event, n)
     order by n
     on conflict (event_id) do nothing
     returning event_id`,
    [
      events.map((event) => event.id),
      events.map((event) => event.participantId),
      events.map((event) => event.source),
      events.map((event) => event.type),
      events.map((event) => event.version),
      events.map((event) => event.occurredAt),
      events.map((event) => JSON.stringify(event)),
    ],
  );
  for (const event of events) {
    if (event.type === 'ParticipantErased') await purgePlainPersonalFields(event.participantId, tx);
  }
  // The events new to the timeline, in the run's order, each once (the database answers ids in lower case).
  const fresh = new Set(inserted.map((row) => row.event_id));
  return events.filter((event) => fresh.delete(event.id.toLowerCase()));
}

const scrub = (value: unknown): unknown => (Array.isArray(value) ? value.map(scrub) : isSealed(value) ? value : ERASED);

/**
 * Sealed values need nothing: their key is gone. A personal field that arrived in plain text (published
 * before fields were sealed, or by a publisher that did not seal) is overwritten here.
 */
async function purgePlainPersonalFields(participantId: string, tx: SqlExecutor): Promise<void> {
  const rows = await tx.query<{ event_id: string; event: SharedEvent }>('select event_id, event from tv_timeline where participant_id = $1', [participantId]);
  for (const { event_id, event } of rows) {
    const fields = personalFieldsOf(contracts.find(event.type, event.version));
    const data = { ...event.data } as Record<string, unknown>;
    let changed = false;
    for (const name of fields) {
      if (data[name] === undefined || data[name] === null) continue;
      const scrubbed = scrub(data[name]);
      if (JSON.stringify(scrubbed) !== JSON.stringify(data[name])) [data[name], changed] = [scrubbed, true];
    }
    if (changed) await tx.query('update tv_timeline set event = $2::jsonb where event_id = $1', [event_id, JSON.stringify({ ...event, data })]);
  }
}
