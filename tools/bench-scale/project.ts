/**
 * The scale bench's projection of a generated country, in bulk, as the platform's consumers would have left it:
 *
 * 1. The team directory (every service's copy of the teams, the participants' teams and named staff) through its real
 *    consumer (`createTeamDirectoryConsumer(...).handleBatch`), fed the outbox messages it reads (team events and the
 *    participant events of PROJECTED_PARTICIPANT_TYPES: a few per participant) in outbox order, as the relay would.
 * 2. The team view's timeline: every shared participant event of the outbox copied into `tv_timeline` in outbox order
 *    by one INSERT … SELECT per page of positions, the row `projectToTimeline` writes (the event as published, keyed by
 *    its id). Its secondary indexes are dropped first and made again after (a sort each, instead of 10 million random
 *    inserts). What is skipped: the contract check (every one was checked when it was appended, by the generator) and
 *    `msg_processed_messages` (the consumer's de-duplication by message id, needed only for messages that come again,
 *    which none will: the checkpoint is at the head).
 * 3. The relay's and both consumers' checkpoints moved to the outbox's head, and the directory's backfill marked done,
 *    so the platform starting on the database delivers nothing of it again.
 *
 * The team view's read models derived from the timeline are then made by `rebuildTeamViewReadModels(db)` (the bench
 * times it: the rebuild rate). The live path (relay → in-process bus → consumers) applies ~4,300 events/s on these
 * machines, 40 minutes for 10 million; this takes a few minutes.
 */
import { PROJECTED_PARTICIPANT_TYPES, TEAM_DIRECTORY_CONSUMER, createTeamDirectoryConsumer } from '@ips/team-directory';
import { teamContracts } from '@ips/contracts';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { Delivery } from '@ips/messaging';
import { SqlDriver } from '@ips/postgres';
import { TEAM_VIEW_GROUP, migrateTeamView } from '@ips/team-view';

/** The embedded platform's relay: `outbox-relay:<source>`, and the stream its deliveries carry. */
const SOURCE = 'platform';
const STREAM = `outbox:${SOURCE}`;

export interface ProjectionProgress {
  readonly stage: 'team directory' | 'timeline' | 'timeline indexes';
  readonly done: number;
  readonly of: number;
  readonly seconds: number;
}

export interface ProjectionResult {
  /** The outbox's head: every position up to it is projected. */
  readonly head: number;
  readonly directoryMessages: number;
  readonly directorySeconds: number;
  readonly timelineEvents: number;
  readonly timelineSeconds: number;
}

export async function projectCountry(db: SqlDriver, onProgress?: (progress: ProjectionProgress) => void): Promise<ProjectionResult> {
  await PostgresEventStore.open(db);
  await migrateTeamView(db);
  const directory = await createTeamDirectoryConsumer(db, {
    onDeadLetter: (delivery, reason) => console.warn(`team directory: dead letter ${delivery.message.id}: ${reason}`),
  });
  const [counter] = await db.query<{ outbox: unknown }>('select outbox from es_counters where id = 1');
  const head = Number(counter?.outbox ?? 0);

  // 1. The team directory, through its consumer.
  const started = Date.now();
  const names = [...new Set([...teamContracts.all().map((contract) => contract.type), ...PROJECTED_PARTICIPANT_TYPES])];
  let after = 0;
  let directoryMessages = 0;
  for (;;) {
    const rows = await db.query<{ position: unknown; message_id: string; partition_key: string; type: string; payload: Record<string, unknown> }>(
      `select position, message_id, partition_key, type, payload from es_outbox
        where position > $1 and split_part(type, '.v', 1) = any($2::text[]) order by position limit 2000`,
      [after, names],
    );
    if (rows.length === 0) break;
    const deliveries = rows.map((row): Delivery => ({
      message: { id: row.message_id, key: row.partition_key, type: row.type, payload: row.payload, source: SOURCE },
      cursor: { stream: STREAM, position: Number(row.position) },
    }));
    await directory.handleBatch(deliveries);
    directoryMessages += rows.length;
    after = Number(rows[rows.length - 1]?.position);
    onProgress?.({ stage: 'team directory', done: after, of: head, seconds: (Date.now() - started) / 1000 });
  }
  const directorySeconds = (Date.now() - started) / 1000;

  // 2. The timeline, in bulk; its secondary indexes made again after.
  const timelineStarted = Date.now();
  const indexes = await db.query<{ name: string; definition: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname = 'tv_timeline' and t.relnamespace = 'public'::regnamespace and not x.indisprimary and not x.indisunique`,
  );
  for (const index of indexes) await db.exec(`drop index ${index.name}`);
  const PAGE = 250_000;
  let timelineEvents = 0;
  for (let from = 0; from < head; from += PAGE) {
    const [row] = await db.query<{ n: unknown }>(
      `with copied as (
         insert into tv_timeline (event_id, participant_id, source, type, version, occurred_at, event)
         select (payload->>'id')::uuid, (payload->>'participantId')::uuid, payload->>'source', payload->>'type',
                (payload->>'version')::int, (payload->>'occurredAt')::timestamptz, payload
           from es_outbox
          where position > $1 and position <= $2 and not (payload ? 'teamId')
          order by position
         on conflict (event_id) do nothing
         returning 1)
       select count(*) as n from copied`,
      [from, Math.min(head, from + PAGE)],
    );
    timelineEvents += Number(row?.n ?? 0);
    onProgress?.({ stage: 'timeline', done: Math.min(head, from + PAGE), of: head, seconds: (Date.now() - timelineStarted) / 1000 });
  }
  for (const [n, index] of indexes.entries()) {
    await db.exec(`set maintenance_work_mem = '256MB'; ${index.definition}; reset maintenance_work_mem`);
    onProgress?.({ stage: 'timeline indexes', done: n + 1, of: indexes.length, seconds: (Date.now() - timelineStarted) / 1000 });
  }
  await db.exec('analyze tv_timeline');
  const timelineSeconds = (Date.now() - timelineStarted) / 1000;

  // 3. Nothing of it is delivered again: the relay, the team view and the directory are at the head.
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into es_checkpoints (name, position) values ($1, $2) on conflict (name) do update set position = excluded.position, updated_at = now()`,
      [`outbox-relay:${SOURCE}`, head],
    );
    for (const consumer of [TEAM_VIEW_GROUP, TEAM_DIRECTORY_CONSUMER]) {
      await tx.query(
        `insert into msg_consumer_checkpoints (consumer, stream, position) values ($1, $2, $3)
         on conflict (consumer, stream) do update set position = greatest(msg_consumer_checkpoints.position, excluded.position), updated_at = now()`,
        [consumer, STREAM, head],
      );
    }
    await tx.query(`update td_backfill set position = greatest(position, $1), done = true where name = 'participants'`, [head]);
  });
  return { head, directoryMessages, directorySeconds, timelineEvents, timelineSeconds };
}
