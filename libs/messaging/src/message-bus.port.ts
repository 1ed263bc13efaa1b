/** A message on the bus: one shared participant event, keyed by participant id. */
export interface BusMessage {
  readonly id: string;
  /** Partition key: per-key order is kept end to end. */
  readonly key: string;
  /** `<EventType>.v<version>`. */
  readonly type: string;
  readonly payload: unknown;
  /** The publishing service, e.g. `welfare-office`. */
  readonly source: string;
  /** The W3C trace context it was published in (while tracing is on): a consumer's span continues that trace. */
  readonly traceparent?: string;
}

/** Where a delivered message sits in its stream (a source's outbox, or a Kafka partition). */
export interface DeliveryCursor {
  readonly stream: string;
  readonly position: number;
}

export interface Delivery {
  readonly message: BusMessage;
  readonly cursor: DeliveryCursor;
}

export type DeliveryHandler = (delivery: Delivery) => Promise<void>;

/** Deliveries of one stream (a partition), in order. */
export type BatchHandler = (deliveries: readonly Delivery[]) => Promise<void>;

export interface PublishableMessage extends BusMessage {
  /** Position in the publisher's outbox; in-process delivery uses it as the cursor. */
  readonly sequence: number;
}

export interface MessageBus {
  /** Resolves once the bus has accepted every message (at-least-once from here on). */
  publish(messages: readonly PublishableMessage[]): Promise<void>;
  /** Each group gets every message once per delivery attempt, in order per key. */
  subscribe(group: string, handler: DeliveryHandler): Promise<void>;
  close(): Promise<void>;
  /** Like `subscribe`, a batch at a time, where the broker hands out batches (Kafka: a partition's fetch). */
  subscribeBatches?(group: string, handler: BatchHandler): Promise<void>;
  /** Where a broker keeps dead letters (Kafka: a dead-letter topic); consumers also keep them in their own table. */
  sendToDeadLetters?(group: string, delivery: Delivery, reason: string): Promise<void>;
  /** The end of every partition as delivery cursors, for "has this group seen everything yet". */
  ends?(): Promise<Map<string, number>>;
  /** Which log the cursors count in, and where its streams end (Kafka: the cluster and topic); see `BusOrigin`. */
  origin?(): Promise<BusOrigin>;
}

/**
 * The log a bus's delivery cursors count in (decision 41). A checkpoint counted in one log means nothing in another: a
 * consumer that finds another origin than its checkpoints', or a stream ending behind its checkpoint, stops.
 */
export interface BusOrigin {
  /** E.g. `kafka:mockCluster1556aae76ee0/ips.participant-events.v1`: the cluster's id and the topic. */
  readonly id: string;
  /** The delivery cursors' streams of this origin begin with it (`kafka:<topic>/`). */
  readonly streamPrefix: string;
  /** Where each stream (partition) ends now; a stream not listed does not exist (yet). */
  readonly ends: ReadonlyMap<string, number>;
}

export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
