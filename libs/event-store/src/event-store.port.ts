export type JsonObject = { readonly [key: string]: unknown };

export interface EventToAppend {
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

/** A message for the bus, written to the outbox in the same transaction as the events. */
export interface OutboxMessage {
  readonly messageId: string;
  /** Per-key order is kept by the relay: the participant id for shared participant events. */
  readonly key: string;
  readonly type: string;
  readonly payload: JsonObject;
  /** The W3C trace context of the append that wrote it (set by the store while tracing is on): the relay's publish continues it. */
  readonly traceparent?: string;
}

export interface RecordedEvent extends Required<EventToAppend> {
  readonly streamId: string;
  /** 1-based position in its stream. */
  readonly streamPosition: number;
  /** 1-based, gap-free and in commit order across all streams. */
  readonly globalPosition: number;
  readonly recordedAt: string;
}

export interface RecordedOutboxMessage extends OutboxMessage {
  readonly position: number;
  readonly recordedAt: string;
}

/** A number is the stream's version (its event count) the caller decided on; 0 means a new stream. */
export type ExpectedVersion = number | 'any';

export interface AppendRequest {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly EventToAppend[];
  readonly outbox?: readonly OutboxMessage[];
}

export interface AppendResult {
  readonly nextExpectedVersion: number;
  /** Global positions of the appended events; null when the append was a repeat of an earlier one. */
  readonly firstPosition: number | null;
  readonly lastPosition: number | null;
  /** True when every event id was already in the stream: nothing was written again. */
  readonly duplicate: boolean;
}

export interface StreamRead {
  readonly streamId: string;
  readonly version: number;
  readonly events: readonly RecordedEvent[];
}

export interface EventStore {
  append(request: AppendRequest): Promise<AppendResult>;
  readStream(streamId: string): Promise<StreamRead>;
  /** Events after `afterPosition` (exclusive), in global order, at most `limit`. */
  readAll(afterPosition: number, limit: number): Promise<readonly RecordedEvent[]>;
  readOutbox(afterPosition: number, limit: number): Promise<readonly RecordedOutboxMessage[]>;
}

export interface Subscription {
  /** Resolves once everything committed before the call has been handled. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

/** How the outbox relay follows a store's outbox: at-least-once, its checkpoint stored durably by the store. */
export interface OutboxSubscriptionOptions {
  /** Names the stored checkpoint. */
  readonly name: string;
  /** The checkpoint moves past the messages only after this resolved. */
  readonly handle: (messages: readonly RecordedOutboxMessage[]) => Promise<void>;
  readonly transactional?: false;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

export interface OutboxFeed {
  subscribeToOutbox(options: OutboxSubscriptionOptions): Subscription;
  /**
   * Moves the named subscription's checkpoint back to the outbox's start, so it sends every message again (after a new
   * Kafka cluster, decision 41; consumers skip by message id what they applied before). Not while it runs.
   */
  rewindOutbox(name: string): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
