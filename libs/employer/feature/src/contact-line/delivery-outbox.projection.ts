import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, Clock } from '@ips/kernel';
import { ContactRequestEvent } from '@ips/employer/domain';
import { uuidv7 } from '@ips/utils';
import { ContactLineProjection } from './contact-line.projection';
import { DELIVERY_POLICY } from '../deliver-notifications/delivery-policy';
import { ContactLineNotification, NOTIFIERS, NotificationEvent, Notifier } from './notifier.port';

/** A delivery this process holds the lease of, to send and record. */
export interface ClaimedDelivery {
  readonly deliveryId: string;
  readonly channel: string;
  readonly notification: ContactLineNotification;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly claimedUntil: Date;
}

const EVENTS: Record<ContactRequestEvent['type'], NotificationEvent> = {
  ContactRequestReceived: 'contact-request.received',
  ContactRequestEscalated: 'contact-request.escalated',
  ContactRequestAcknowledged: 'contact-request.acknowledged',
  ContactRequestResolved: 'contact-request.resolved',
};

/**
 * One delivery per event and channel, written with the event's projection and checkpoint: a notification
 * is never lost between the event and its sending, and never queued twice. Runs after the list projection,
 * whose view of the request after each event it sends; a batch's deliveries are written in one statement.
 *
 * Those of channels that can fail (a webhook) are written already claimed by this process, for the delivery worker
 * here to send once the batch has committed (`handOverWritten`), without claiming them again. If this process stops
 * first, the lease runs out and any worker claims them from the table. Those of in-process channels (the log, the
 * staff stream: `Notifier.inProcess`) are written delivered and handed over as soon as the batch has committed:
 * one row each, never claimed or written again.
 */
@Injectable()
export class DeliveryOutbox {
  private readonly logger = new Logger('contact-line');
  private written: ClaimedDelivery[] = [];
  /** The in-process channels' notifiers, by channel. */
  private readonly inProcess: ReadonlyMap<string, Notifier>;

  constructor(
    @Inject(NOTIFIERS) private readonly notifiers: readonly Notifier[],
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.inProcess = new Map(notifiers.filter((notifier) => notifier.inProcess).map((notifier) => [notifier.channel, notifier]));
  }

  /**
   * Call only once the last batch has committed (ContactLineProjector.afterApply): hands its in-process deliveries
   * to their channels, in the order of the events, and returns the others, claimed, for the delivery worker.
   */
  handOverWritten(): ClaimedDelivery[] {
    const written = this.written.splice(0);
    for (const delivery of written) {
      this.inProcess
        .get(delivery.channel)
        ?.notify(delivery.notification)
        .catch((error: unknown) => {
          this.logger.error(`${delivery.channel} could not take delivery ${delivery.deliveryId}: ${String(error)}`);
        });
    }
    return written.filter((delivery) => !this.inProcess.has(delivery.channel));
  }

  readonly project: ContactLineProjection = async (_, tx, batch) => {
    this.written = []; // a batch that did not commit leaves nothing to send
    const deliveries: { eventId: string; channel: string; notification: ContactLineNotification }[] = [];
    for (const { event, domainEvent } of batch.requestEvents) {
      const view = batch.viewAfter.get(event.eventId);
      if (!view) continue;
      const occurredAt = view.history.at(-1)?.at ?? view.receivedAt;
      for (const { channel } of this.notifiers) {
        const notification: ContactLineNotification = {
          deliveryId: uuidv7(),
          event: EVENTS[domainEvent.type],
          requestId: view.requestId,
          placementId: view.placementId,
          participantId: view.participantId,
          employerId: view.employerId,
          urgency: view.urgency,
          status: view.status,
          tier: view.tier,
          assigneeId: view.assigneeId,
          specialistId: view.specialistId,
          acknowledgeBy: view.status === 'received' || view.status === 'escalated' ? view.acknowledgeBy : null,
          occurredAt,
          href: `/employer/contact-requests/${view.requestId}`,
        };
        deliveries.push({ eventId: event.eventId, channel, notification });
      }
    }
    if (deliveries.length === 0) return;
    const now = this.clock.now();
    const claimedUntil = new Date(now.getTime() + DELIVERY_POLICY.leaseMs);
    const handedOver = deliveries.map((d) => this.inProcess.has(d.channel));
    const inserted = await tx.query<{ delivery_id: string }>(
      `insert into ecl_deliveries
         (delivery_id, event_id, request_id, channel, notification, status, attempts, next_attempt_at, claimed_until, last_attempt_at, delivered_at)
       select d.delivery_id, d.event_id, d.request_id, d.channel, d.notification,
              case when d.handed_over then 'delivered' else 'pending' end, case when d.handed_over then 1 else 0 end,
              d.next_attempt_at,
              case when d.handed_over then null else $8::timestamptz end,
              case when d.handed_over then $9::timestamptz end, case when d.handed_over then $9::timestamptz end
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::jsonb[], $6::timestamptz[], $7::boolean[])
           as d(delivery_id, event_id, request_id, channel, notification, next_attempt_at, handed_over)
       on conflict (event_id, channel) do nothing
       returning delivery_id`,
      [
        deliveries.map((d) => d.notification.deliveryId),
        deliveries.map((d) => d.eventId),
        deliveries.map((d) => d.notification.requestId),
        deliveries.map((d) => d.channel),
        deliveries.map((d) => JSON.stringify(d.notification)),
        deliveries.map((d) => d.notification.occurredAt),
        handedOver,
        claimedUntil.toISOString(),
        now.toISOString(),
      ],
    );
    const fresh = new Set(inserted.map((row) => row.delivery_id));
    this.written = deliveries
      .filter((d) => fresh.has(d.notification.deliveryId))
      .map(({ channel, notification }) => ({
        deliveryId: notification.deliveryId,
        channel,
        notification,
        attempts: 0,
        nextAttemptAt: new Date(notification.occurredAt),
        claimedUntil,
      }));
  };
}
