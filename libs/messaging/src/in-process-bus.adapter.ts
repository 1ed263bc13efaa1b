import { DeliveryHandler, MessageBus, PublishableMessage } from './message-bus.port';

/**
 * The embedded profile's bus: delivery is a function call to every subscribed group, in publish
 * order. `publish` resolves only when every group has handled every message, so the outbox relay
 * moves its checkpoint only after delivery; a failure makes the relay send again (at-least-once).
 */
export class InProcessBus implements MessageBus {
  private readonly groups = new Map<string, DeliveryHandler>();

  async publish(messages: readonly PublishableMessage[]): Promise<void> {
    for (const message of messages) {
      for (const handler of this.groups.values()) {
        await handler({
          message: { id: message.id, key: message.key, type: message.type, payload: message.payload, source: message.source },
          cursor: { stream: `outbox:${message.source}`, position: message.sequence },
        });
      }
    }
  }

  async subscribe(group: string, handler: DeliveryHandler): Promise<void> {
    if (this.groups.has(group)) throw new Error(`group ${group} is already subscribed`);
    this.groups.set(group, handler);
  }

  async close(): Promise<void> {
    this.groups.clear();
  }
}
