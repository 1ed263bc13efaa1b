import { RecordSource } from '@ips/event-store';
import { BusOrigin, Delivery, MessageBus } from '../message-bus.port';

/** A bus as a source: where the bus can say which log it is (Kafka), `origin` says it (decision 41). */
export type BusRecordSource = RecordSource<Delivery> & { readonly origin?: () => Promise<BusOrigin> };

/**
 * A bus's deliveries as a source (decision 5): runs of one partition (a Kafka fetch, an outbox batch in process). The
 * bus resumes from its own offsets, which may lag the consumer's checkpoints: what lies below them is skipped there.
 * A subscription ends with the bus (`close`), not on its own. A bus message belongs to a topic and a partition, not to
 * an event store's stream, so `categories` is ignored: everything is delivered and no `through` is given (the follower
 * filters; its checkpoints move with the runs, which cover every offset).
 */
export const busRecordSource = (bus: MessageBus): BusRecordSource => ({
  cursorOf: (delivery) => delivery.cursor,
  follow: async ({ name, handle }) => {
    if (bus.subscribeBatches) await bus.subscribeBatches(name, handle);
    else await bus.subscribe(name, (delivery) => handle([delivery]));
    return { stop: async () => undefined };
  },
  ends: async () => (bus.ends ? bus.ends() : new Map()),
  ...(bus.origin ? { origin: () => bus.origin!() } : {}),
});
