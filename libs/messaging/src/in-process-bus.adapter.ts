import { BatchHandler, Delivery, DeliveryHandler, MessageBus, PublishableMessage } from './message-bus.port';

type Subscriber = { readonly one: DeliveryHandler } | { readonly batch: BatchHandler };

/**
 * The embedded profile's bus: delivery is a function call to every subscribed group, in publish
 * order. `publish` resolves only when every group has handled every message, so the outbox relay
 * moves its checkpoint only after delivery; a failure makes the relay send again (at-least-once).
 * A group subscribed for batches gets each run of one source's messages in one call, as a Kafka
 * consumer gets a partition's fetch.
 */
export class InProcessBus implements MessageBus {
  private readonly groups = new Map<string, Subscriber>();

  async publish(messages: readonly PublishableMessage[]): Promise<void> {
    const deliveries = messages.map((message): Delivery => ({
      message: {
        id: message.id,
        key: message.key,
        type: message.type,
        payload: message.payload,
        source: message.source,
        ...(message.traceparent ? { traceparent: message.traceparent } : {}),
      },
      cursor: { stream: `outbox:${message.source}`, position: message.sequence },
    }));
    for (const subscriber of this.groups.values()) {
      if ('one' in subscriber) {
        for (const delivery of deliveries) await subscriber.one(delivery);
        continue;
      }
      for (let start = 0; start < deliveries.length;) {
        const stream = deliveries[start]?.cursor.stream;
        let end = start + 1;
        while (end < deliveries.length && deliveries[end]?.cursor.stream === stream) end++;
        await subscriber.batch(deliveries.slice(start, end));
        start = end;
      }
    }
  }

  async subscribe(group: string, handler: DeliveryHandler): Promise<void> {
    this.add(group, { one: handler });
  }

  async subscribeBatches(group: string, handler: BatchHandler): Promise<void> {
    this.add(group, { batch: handler });
  }

  async close(): Promise<void> {
    this.groups.clear();
  }

  private add(group: string, subscriber: Subscriber): void {
    if (this.groups.has(group)) throw new Error(`group ${group} is already subscribed`);
    this.groups.set(group, subscriber);
  }
}
