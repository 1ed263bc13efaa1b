import { ContactRequestEvent, contactRequestAggregate } from '@ips/employer/domain';
import { ContactLineProjection } from './contact-line.projection';
import { StaffContactRequestView, evolveContactRequestView } from './contact-request.view';
import { asDomainEvent, isOf } from './recorded';

/** The requests as lists show them, by employer and time, each with its view folded so far. */
export const projectContactRequestList: ContactLineProjection = async (event, tx) => {
  if (!isOf(contactRequestAggregate, event)) return;
  const domainEvent = asDomainEvent<ContactRequestEvent>(event);
  const [row] = await tx.query<{ view: StaffContactRequestView }>('select view from ecl_contact_requests where request_id = $1', [
    domainEvent.data.requestId,
  ]);
  const view = evolveContactRequestView(row?.view ?? null, domainEvent);
  if (!view) return;
  await tx.query(
    `insert into ecl_contact_requests (request_id, employer_id, tier, status, received_at, view) values ($1, $2, $3, $4, $5, $6::jsonb)
     on conflict (request_id) do update set tier = excluded.tier, status = excluded.status, view = excluded.view`,
    [view.requestId, view.employerId, view.tier, view.status, view.receivedAt, JSON.stringify(view)],
  );
};
