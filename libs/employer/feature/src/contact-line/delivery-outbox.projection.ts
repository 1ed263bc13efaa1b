import { Inject, Injectable } from '@nestjs/common';
import { ContactRequestEvent, contactRequestAggregate } from '@ips/employer/domain';
import { uuidv7 } from '@ips/utils';
import { ContactLineProjection } from './contact-line.projection';
import { StaffContactRequestView } from './contact-request.view';
import { ContactLineNotification, NOTIFIERS, NotificationEvent, Notifier } from './notifier.port';
import { asDomainEvent, isOf } from './recorded';

const EVENTS: Record<ContactRequestEvent['type'], NotificationEvent> = {
  ContactRequestReceived: 'contact-request.received',
  ContactRequestEscalated: 'contact-request.escalated',
  ContactRequestAcknowledged: 'contact-request.acknowledged',
  ContactRequestResolved: 'contact-request.resolved',
};

/**
 * One delivery per event and channel, written with the event's projection and checkpoint: a notification
 * is never lost between the event and its sending, and never queued twice. Runs after the list projection,
 * whose view of the request it reads.
 */
@Injectable()
export class DeliveryOutbox {
  constructor(@Inject(NOTIFIERS) private readonly notifiers: readonly Notifier[]) {}

  readonly project: ContactLineProjection = async (event, tx) => {
    if (!isOf(contactRequestAggregate, event)) return;
    const { type, data } = asDomainEvent<ContactRequestEvent>(event);
    const [row] = await tx.query<{ view: StaffContactRequestView }>('select view from ecl_contact_requests where request_id = $1', [data.requestId]);
    if (!row) return;
    const { view } = row;
    const occurredAt = view.history.at(-1)?.at ?? view.receivedAt;
    for (const { channel } of this.notifiers) {
      const notification: ContactLineNotification = {
        deliveryId: uuidv7(),
        event: EVENTS[type],
        requestId: view.requestId,
        placementId: view.placementId,
        participantId: view.participantId,
        employerId: view.employerId,
        urgency: view.urgency,
        status: view.status,
        tier: view.tier,
        assigneeId: view.assigneeId,
        acknowledgeBy: view.status === 'received' || view.status === 'escalated' ? view.acknowledgeBy : null,
        occurredAt,
        href: `/employer/contact-requests/${view.requestId}`,
      };
      await tx.query(
        `insert into ecl_deliveries (delivery_id, event_id, request_id, channel, notification, status, next_attempt_at)
         values ($1, $2, $3, $4, $5::jsonb, 'pending', $6) on conflict (event_id, channel) do nothing`,
        [notification.deliveryId, event.eventId, view.requestId, channel, JSON.stringify(notification), occurredAt],
      );
    }
  };
}
