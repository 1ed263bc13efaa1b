import { OutboxFeed, Subscription } from '@ips/event-store';
import { MessageBus } from './message-bus.port';
import { publishTraced } from './message-tracing';

export interface OutboxRelayOptions {
  /** The publishing service: names the relay's checkpoint and the messages' source. */
  readonly source: string;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

/** The relay's checkpoint (in es_checkpoints) for a publishing service: where its outbox stands. */
export const outboxRelayCheckpoint = (source: string): string => `outbox-relay:${source}`;

/**
 * Publishes the outbox to the bus in outbox order (so in order per participant), at least once:
 * the checkpoint moves only after the bus accepted the batch. A crash or a bus outage in between
 * means the batch is sent again; consumers de-duplicate.
 */
export function startOutboxRelay(store: OutboxFeed, bus: MessageBus, options: OutboxRelayOptions): Subscription {
  return store.subscribeToOutbox({
    name: outboxRelayCheckpoint(options.source),
    transactional: false,
    batchSize: options.batchSize ?? 500,
    pollIntervalMs: options.pollIntervalMs ?? 500,
    onError: options.onError,
    handle: (messages) =>
      publishTraced(
        bus,
        messages.map((message) => ({
          id: message.messageId,
          key: message.key,
          type: message.type,
          payload: message.payload,
          source: options.source,
          sequence: message.position,
          ...(message.traceparent ? { traceparent: message.traceparent } : {}),
        })),
      ),
  });
}
