import { ContactRequestEvent, OnCallTier, tierAbove } from '@ips/employer/domain';
import { assertNever } from '@ips/kernel';
import { ContactLineProjection } from './contact-line.projection';

interface Due {
  readonly participantId: string;
  readonly level: number;
  readonly nextTier: OnCallTier;
  readonly dueAt: string;
}

/** A request's next deadline after the event, or null when nothing is due any more. */
function dueAfter(event: ContactRequestEvent): Due | null {
  const { participantId } = event.data;
  switch (event.type) {
    case 'ContactRequestReceived':
      return due(participantId, 1, event.data.tier, event.data.acknowledgeBy);
    case 'ContactRequestEscalated':
      return due(participantId, event.data.level + 1, event.data.tier, event.data.acknowledgeBy);
    case 'ContactRequestAcknowledged':
    case 'ContactRequestResolved':
      return null;
    default:
      return assertNever(event);
  }
}

function due(participantId: string, level: number, tier: OnCallTier, dueAt: string): Due | null {
  const nextTier = tierAbove(tier);
  // At the last tier nothing escalates further; the board still shows the request as overdue.
  return nextTier ? { participantId, level, nextTier, dueAt } : null;
}

/**
 * The next deadline of each request nobody has acknowledged, as a row: deadlines are data, not timers,
 * so a restart loses none. Written in the subscription's transaction, so each event moves them once;
 * a batch writes each request's last deadline (or its removal) in one statement each.
 */
export const projectDueEscalations: ContactLineProjection = async (_, tx, batch) => {
  const last = new Map<string, Due | null>();
  for (const { domainEvent } of batch.requestEvents) last.set(domainEvent.data.requestId, dueAfter(domainEvent));
  const pending = [...last].filter((entry): entry is [string, Due] => entry[1] !== null);
  const done = [...last].filter(([, next]) => next === null).map(([requestId]) => requestId);
  if (pending.length > 0) {
    await tx.query(
      `insert into ecl_due_escalations (request_id, participant_id, level, next_tier, due_at)
       select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::timestamptz[])
       on conflict (request_id) do update set level = excluded.level, next_tier = excluded.next_tier, due_at = excluded.due_at`,
      [
        pending.map(([requestId]) => requestId),
        pending.map(([, next]) => next.participantId),
        pending.map(([, next]) => next.level),
        pending.map(([, next]) => next.nextTier),
        pending.map(([, next]) => next.dueAt),
      ],
    );
  }
  if (done.length > 0) await tx.query('delete from ecl_due_escalations where request_id = any($1::uuid[])', [done]);
};
