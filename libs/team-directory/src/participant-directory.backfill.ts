import { SharedEvent, contracts } from '@ips/contracts';
import { SqlDriver } from '@ips/postgres';
import { applyParticipantEvent } from './team-directory.consumer';
import { PROJECTED_PARTICIPANT_TYPES } from './participant-directory.projection';

/** One message of a service's own outbox, as the event store reads it back. */
export interface OutboxEntry {
  readonly position: number;
  readonly messageId: string;
  readonly type: string;
  /** The message as published; without it, nothing can be backfilled from the outbox. */
  readonly payload?: unknown;
}

/** Reads a service's own outbox in order; the event store fits it. */
export interface OutboxReader {
  readOutbox(afterPosition: number, limit: number): Promise<readonly OutboxEntry[]>;
}

export interface BackfillResult {
  /** Participant events of the kinds the directory reads, applied (or found applied already). */
  readonly applied: number;
  /** Those that failed to apply or to validate: the consumer would have dead-lettered them. */
  readonly skipped: number;
}

const PAGE = 500;

interface BackfillRow {
  readonly position: unknown;
  readonly done: boolean;
  [column: string]: unknown;
}

/**
 * The participant events in the service's own outbox from before the directory projected them, applied once.
 *
 * A data directory from before teams holds referrals, enrolments and links its directory never saw: the bus hands a
 * new consumer only what is relayed after it subscribed (in one process, the relay's checkpoint is long past them).
 * So the first time a directory with participant tables opens on such a database, it reads the outbox from its start
 * and applies what its projections read; `td_backfill` records how far it got, and `done` once it reached the end
 * (a restart resumes, and never reads it again). Everything is applied through the same projections as a delivery,
 * which are idempotent on their own: an event the bus delivers as well (before or after) counts once.
 *
 * In one process the outbox is every agency's, so this is the whole history. In the distributed profile a service's
 * outbox holds only its own agency's events (the welfare office's: referrals, transfers, enrolments); the rest comes
 * from Kafka, whose new consumer group starts at the beginning of the topic (as far as its retention reaches).
 */
export async function backfillParticipantEvents(db: SqlDriver, outbox: OutboxReader): Promise<BackfillResult> {
  const [state] = await db.query<BackfillRow>(`select position, done from td_backfill where name = 'participants'`);
  if (!state || state.done) return { applied: 0, skipped: 0 };
  let after = Number(state.position);
  let applied = 0;
  let skipped = 0;
  for (;;) {
    const page = await outbox.readOutbox(after, PAGE);
    const events: SharedEvent[] = [];
    for (const entry of page) {
      if (!PROJECTED_PARTICIPANT_TYPES.has(entry.type.replace(/\.v\d+$/, '')) || entry.payload === undefined) continue;
      const checked = contracts.validate(entry.payload);
      if (checked.ok && 'participantId' in checked.event) events.push(checked.event);
      else skipped++;
    }
    const end = page.at(-1)?.position ?? after;
    const done = page.length < PAGE;
    const record = `update td_backfill set position = greatest(position, $1), done = done or $2 where name = 'participants'`;
    try {
      await db.transaction(async (tx) => {
        for (const event of events) await applyParticipantEvent(event, tx);
        await tx.query(record, [end, done]);
      });
      applied += events.length;
    } catch {
      // One of them fails (a version the projections do not know): the others one at a time, that one left out.
      for (const event of events) {
        try {
          await db.transaction((tx) => applyParticipantEvent(event, tx));
          applied++;
        } catch {
          skipped++;
        }
      }
      await db.query(record, [end, done]);
    }
    after = end;
    if (done) return { applied, skipped };
  }
}
