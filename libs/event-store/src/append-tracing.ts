import { SpanKind, inSpan, traceparentOf } from '@ips/observability';
import { AppendRequest, AppendResult } from './event-store.port';

/**
 * An append in its own span (a client span of the store), and its outbox messages stamped with that span's context,
 * stored with them in the same transaction: the outbox relay's publish, later and maybe elsewhere, continues the
 * trace of the command that wrote them. A message that already carries a context keeps it.
 */
export function appendTraced(
  request: AppendRequest,
  store: 'postgresql' | 'kurrentdb',
  append: (request: AppendRequest) => Promise<AppendResult>,
): Promise<AppendResult> {
  return inSpan(
    'event-store append',
    {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': store, 'ips.stream.category': categoryOf(request.streamId), 'ips.events': request.events.length },
    },
    (span) => {
      const traceparent = traceparentOf(span);
      const outbox = request.outbox;
      if (!traceparent || !outbox || outbox.length === 0) return append(request);
      return append({ ...request, outbox: outbox.map((message) => (message.traceparent ? message : { ...message, traceparent })) });
    },
  );
}

/** The stream id without its id (a participant's, say): spans leave the service, personal identifiers stay. */
const categoryOf = (streamId: string): string => streamId.replace(/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '');
