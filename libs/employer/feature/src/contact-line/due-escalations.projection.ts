import { ContactRequestEvent, OnCallTier, contactRequestAggregate, tierAbove } from '@ips/employer/domain';
import { SqlExecutor } from '@ips/postgres';
import { assertNever } from '@ips/utils';
import { ContactLineProjection } from './contact-line.projection';
import { asDomainEvent, isOf } from './recorded';

/**
 * The next deadline of each request nobody has acknowledged, as a row: deadlines are data, not timers,
 * so a restart loses none. Written in the subscription's transaction, so each event moves them once.
 */
export const projectDueEscalations: ContactLineProjection = async (event, tx) => {
  if (!isOf(contactRequestAggregate, event)) return;
  const domainEvent = asDomainEvent<ContactRequestEvent>(event);
  const { requestId, participantId } = domainEvent.data;
  switch (domainEvent.type) {
    case 'ContactRequestReceived':
      return due(tx, requestId, participantId, 1, domainEvent.data.tier, domainEvent.data.acknowledgeBy);
    case 'ContactRequestEscalated': {
      const { level, tier, acknowledgeBy } = domainEvent.data;
      return due(tx, requestId, participantId, level + 1, tier, acknowledgeBy);
    }
    case 'ContactRequestAcknowledged':
    case 'ContactRequestResolved':
      return done(tx, requestId);
    default:
      return assertNever(domainEvent);
  }
};

async function due(tx: SqlExecutor, requestId: string, participantId: string, level: number, tier: OnCallTier, at: string) {
  const next = tierAbove(tier);
  // At the last tier nothing escalates further; the board still shows the request as overdue.
  if (!next) return done(tx, requestId);
  await tx.query(
    `insert into ecl_due_escalations (request_id, participant_id, level, next_tier, due_at) values ($1, $2, $3, $4, $5)
     on conflict (request_id) do update set level = excluded.level, next_tier = excluded.next_tier, due_at = excluded.due_at`,
    [requestId, participantId, level, next, at],
  );
}

async function done(tx: SqlExecutor, requestId: string): Promise<void> {
  await tx.query('delete from ecl_due_escalations where request_id = $1', [requestId]);
}
