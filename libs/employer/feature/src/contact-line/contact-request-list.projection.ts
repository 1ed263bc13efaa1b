import { ContactLineProjection } from './contact-line.projection';
import { ContactRequestRecord, evolveContactRequestView } from './contact-request.view';

/**
 * The requests as lists show them, by employer and time, each with its view folded so far: the batch's
 * requests read in one query, folded in memory in order, written back in one.
 */
export const projectContactRequestList: ContactLineProjection = async (_, tx, batch) => {
  const ours = batch.requestEvents;
  if (ours.length === 0) return;
  const rows = await tx.query<{ request_id: string; view: ContactRequestRecord }>(
    'select request_id, view from ecl_contact_requests where request_id = any($1::uuid[])',
    [[...new Set(ours.map(({ domainEvent }) => domainEvent.data.requestId))]],
  );
  const views = new Map(rows.map((row) => [row.request_id, row.view]));
  const changed = new Map<string, ContactRequestRecord>();
  for (const { event, domainEvent } of ours) {
    const view = evolveContactRequestView(views.get(domainEvent.data.requestId) ?? null, domainEvent);
    if (!view) continue;
    views.set(view.requestId, view);
    changed.set(view.requestId, view);
    batch.viewAfter.set(event.eventId, view);
  }
  if (changed.size === 0) return;
  const written = [...changed.values()];
  await tx.query(
    `insert into ecl_contact_requests (request_id, employer_id, tier, status, received_at, view)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[])
     on conflict (request_id) do update set tier = excluded.tier, status = excluded.status, view = excluded.view`,
    [
      written.map((view) => view.requestId),
      written.map((view) => view.employerId),
      written.map((view) => view.tier),
      written.map((view) => view.status),
      written.map((view) => view.receivedAt),
      written.map((view) => JSON.stringify(view)),
    ],
  );
};
