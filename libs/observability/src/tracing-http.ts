import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import { startSpan, tracingEnabled } from './tracing';

/** Scrapes and probes, every few seconds: spans of them would bury the requests that matter. */
const UNTRACED = /^\/(health|metrics)(\/|\?|$)/;

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A server span per HTTP request, the child of an incoming `traceparent`, active for everything the request runs (the
 * request and response streams are bound to it, so the body's parsing and the handler after it stay inside). Done on
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
      context.bind(active, request);
      context.bind(active, response);
      response.once('close', () => {
        span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
        if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      });
      context.with(active, () => listener.call(server, request, response));
    });
  }
}

/** Names the active server span after the route that matched (`POST /welfare-office/referrals`). */
export function nameServerSpan(method: string, route: string | undefined): void {
  if (!tracingEnabled() || !route) return;
  const span = trace.getActiveSpan();
  span?.updateName(`${method} ${route}`);
  span?.setAttribute(ATTR_HTTP_ROUTE, route);
}
