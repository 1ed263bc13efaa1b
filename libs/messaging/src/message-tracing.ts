import { Span, SpanKind, contextOfTraceparent, failSpan, startSpan, traceparentOf, tracingEnabled } from '@ips/observability';
import { Delivery, MessageBus, PublishableMessage } from './message-bus.port';

/**
 * Publishes with a producer span per message, each the child of the context stored with it in the outbox (the append
 * of the command that wrote it) and carried on in its `traceparent`, so the consumer's span is the publish span's
 * child across the broker. Off, the messages go as they are.
 */
export async function publishTraced(bus: MessageBus, messages: readonly PublishableMessage[]): Promise<void> {
  if (!tracingEnabled() || messages.length === 0) return bus.publish(messages);
  const spans = messages.map((message) =>
    startSpan(`publish ${message.type}`, {
      kind: SpanKind.PRODUCER,
      parent: contextOfTraceparent(message.traceparent),
      attributes: { 'messaging.operation.type': 'send', 'messaging.message.id': message.id, 'ips.message.type': message.type },
    }),
  );
  try {
    await bus.publish(messages.map((message, n) => withTraceparent(message, spans[n] as Span)));
  } catch (error) {
    for (const span of spans) failSpan(span, error);
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

const withTraceparent = (message: PublishableMessage, span: Span): PublishableMessage => {
  const traceparent = traceparentOf(span);
  return traceparent ? { ...message, traceparent } : message;
};

export interface ApplyingSpans {
  /** Ends every span; `error` marks them failed, `retriedAlone` says the messages go on one by one. */
  end(outcome?: { readonly error?: unknown; readonly retriedAlone?: boolean }): void;
}

/** A consumer span per message being applied, each the child of the context in its `traceparent` (the publish span). */
export function traceApplying(consumer: string, deliveries: readonly Delivery[]): ApplyingSpans {
  if (!tracingEnabled()) return { end: () => undefined };
  const spans = deliveries.map(({ message, cursor }) =>
    startSpan(`apply ${message.type}`, {
      kind: SpanKind.CONSUMER,
      parent: contextOfTraceparent(message.traceparent),
      attributes: {
        'messaging.operation.type': 'process',
        'messaging.consumer.group.name': consumer,
        'messaging.message.id': message.id,
        'ips.message.type': message.type,
        'ips.delivery.stream': cursor.stream,
      },
    }),
  );
  let ended = false;
  return {
    end: (outcome = {}) => {
      if (ended) return;
      ended = true;
      for (const span of spans) {
        if (outcome.retriedAlone) span.setAttribute('ips.consumer.retried_alone', true);
        else if (outcome.error !== undefined) failSpan(span, outcome.error);
        span.end();
      }
    },
  };
}
