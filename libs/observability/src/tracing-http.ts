import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Context, ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import { startSpan, tracingEnabled } from './tracing';

/** Scrapes and probes, every few seconds: spans of them would bury the requests that matter. */
const UNTRACED = /^\/(health|metrics)(\/|\?|$)/;

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** The request's span in its context, for the handler to continue in (`continueServerSpan`). */
const ACTIVE = Symbol('ips.trace.active');
type TracedRequest = IncomingMessage & { [ACTIVE]?: Context };

/**
 * A server span per HTTP request, the child of an incoming `traceparent`, active while the server's `request` listener
 * runs (the framework's first hooks) and again for the handler (`continueServerSpan`, a Fastify `preHandler`): the
 * request's body arrives in the socket's context, so what runs after it is put back into the span's. Binding the
 * request and response streams to it instead would wrap every listener on them, which cost more than the span. Done on
 * the server's `request` event rather than by @opentelemetry/instrumentation-http, whose require hook neither
 * `node -r tools/register.js` (http is loaded before any hook could be set) nor Jest's module system lets it patch.
 * The span is named by the route template (`nameServerSpan`), never the path: paths hold participant ids.
 */
export function traceHttpServer(server: Server): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  for (const listener of listeners) {
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (!tracingEnabled() || UNTRACED.test(request.url ?? '')) return listener.call(server, request, response);
      const method = request.method ?? 'GET';
      const parent = propagation.extract(ROOT_CONTEXT, request.headers);
      const span = startSpan(method, { kind: SpanKind.SERVER, parent, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method } });
      const active = trace.setSpan(parent, span);
      (request as TracedRequest)[ACTIVE] = active;
      response.once('close', () => {
        span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
        if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      });
      context.with(active, () => listener.call(server, request, response));
    });
  }
}

/** Runs `next` (the rest of the request: guards, handler, command) in the request's span, where it has one. */
export function continueServerSpan(request: IncomingMessage, next: () => void): void {
  const active = (request as TracedRequest)[ACTIVE];
  if (active) context.with(active, next);
  else next();
}

/** Names the active server span after the route that matched (`POST /welfare-office/referrals`). */
export function nameServerSpan(method: string, route: string | undefined): void {
  if (!tracingEnabled() || !route) return;
  const span = trace.getActiveSpan();
  span?.updateName(`${method} ${route}`);
  span?.setAttribute(ATTR_HTTP_ROUTE, route);
}
