import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger as PinoRoot } from 'pino';
import { HttpLogger, pinoHttp } from 'pino-http';
import { trace } from '@opentelemetry/api';

/** What a request or correlation id a client sends must look like to be kept (as the command metadata's correlation id). */
const SANE_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const PROBLEM_CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)*$/;

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** One request's line: filled as the request goes (route on arrival, agency after the guard, problem code on sending). */
interface RequestLogContext {
  readonly requestId: string;
  readonly correlationId: string;
  readonly traceId?: string;
  /** The route's template (`/welfare-office/participants/:id/enrolment`), never the path: ids in paths identify people. */
  readonly route: string | null;
  /** Who asked, once known: the principal's agency (read when the line is written). */
  readonly agency: () => string | undefined;
  code?: string;
}

const CONTEXT = Symbol('request log context');
const AGENCY = Symbol('agency of the request in force');

/** The agency of the caller whose request is being handled where a line is written, once the guard knows it. */
export const requestAgency = (): string | undefined => (storage.getStore() as (Store & { [AGENCY]?: () => string | undefined }) | undefined)?.[AGENCY]?.();
type LoggedRequest = IncomingMessage & { id?: string; log?: PinoRoot; [CONTEXT]?: RequestLogContext };

const saneId = (value: string | string[] | undefined): string | undefined => (typeof value === 'string' && SANE_ID.test(value) ? value : undefined);

/** The trace of the span in force (OpenTelemetry), if any: read, never started here. */
export const activeTraceId = (): string | undefined => {
  const context = trace.getActiveSpan()?.spanContext();
  return context && context.traceId !== '00000000000000000000000000000000' ? context.traceId : undefined;
};

/** The problem code of a problem+json answer (libs/http's ProblemFilter writes `code`), if it is one. */
export function problemCodeOf(payload: unknown): string | undefined {
  if (typeof payload !== 'string') return undefined;
  try {
    const code = (JSON.parse(payload) as { code?: unknown }).code;
    return typeof code === 'string' && PROBLEM_CODE.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

/** The fields of the request's line: ids, who, which route, the answer. No URL, header, query or body. */
function lineOf(request: LoggedRequest, response: ServerResponse): Record<string, unknown> {
  const context = request[CONTEXT];
  return {
    correlationId: context?.correlationId,
    ...(context?.traceId ? { traceId: context.traceId } : {}),
    agency: context?.agency(),
    method: request.method,
    route: context?.route ?? null,
    status: response.statusCode,
    ...(context?.code ? { code: context.code } : {}),
  };
}

const messageOf = (request: LoggedRequest, response: ServerResponse): string =>
  `${request.method} ${request[CONTEXT]?.route ?? '(no route)'} ${response.statusCode}`;

/**
 * Probes and scrapes ask every few seconds: their answers are not logged (a failing readiness logs its own warning; a
 * refused scrape shows in Prometheus's `up`).
 */
const isProbe = (request: IncomingMessage): boolean => /^\/(health|metrics)(\/|\?|$)/.test(request.url ?? '');

/**
 * One line per request when its answer is sent (pino-http), at `info`, `error` for a 5xx: request id (the client's
 * `x-request-id` if it is a sane token, else a new one, echoed in the answer), correlation id (the client's
 * `x-correlation-id`, else the request id, which the commands then record too), trace id, service, agency, route
 * template, status and problem code.
 */
export class RequestLogging {
  private readonly middleware: HttpLogger<IncomingMessage, ServerResponse>;

  constructor(root: PinoRoot) {
    this.middleware = pinoHttp<IncomingMessage, ServerResponse>({
      logger: root,
      quietReqLogger: true,
      quietResLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      genReqId: (request) => (request as LoggedRequest)[CONTEXT]?.requestId ?? randomUUID(),
      autoLogging: { ignore: isProbe },
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
      customSuccessMessage: (request, response) => messageOf(request as LoggedRequest, response),
      customErrorMessage: (request, response) => messageOf(request as LoggedRequest, response),
      customSuccessObject: (request, response, value: { responseTime: number }) => ({
        ...lineOf(request as LoggedRequest, response),
        responseTime: value.responseTime,
      }),
      customErrorObject: (request, response, _error, value: { responseTime: number }) => ({
        ...lineOf(request as LoggedRequest, response),
        responseTime: value.responseTime,
      }),
    });
  }

  /** Starts a request's line: its ids set on the request (for the handler and what it forwards) and the answer. */
  begin(request: IncomingMessage, response: ServerResponse, route: string | null, agency: () => string | undefined): void {
    const logged = request as LoggedRequest;
    const requestId = saneId(request.headers[REQUEST_ID_HEADER]) ?? randomUUID();
    const correlationId = saneId(request.headers[CORRELATION_ID_HEADER]) ?? requestId;
    // `@CorrelationId()` reads the header: a command without one records the request id, so its events and this line meet.
    request.headers[CORRELATION_ID_HEADER] = correlationId;
    request.headers[REQUEST_ID_HEADER] = requestId;
    const traceId = activeTraceId();
    logged[CONTEXT] = { requestId, correlationId, route, agency, ...(traceId ? { traceId } : {}) };
    logged.id = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    this.middleware(request, response);
    // The lines written while handling it (Nest's `Logger`, through `within`) carry the correlation id too.
    logged.log = logged.log?.child({ correlationId });
  }

  /** Notes the problem code of an answer about to be sent. */
  answered(request: IncomingMessage, contentType: unknown, payload: unknown): void {
    const context = (request as LoggedRequest)[CONTEXT];
    if (context && typeof contentType === 'string' && contentType.startsWith('application/problem+json')) context.code = problemCodeOf(payload);
  }

  /** Runs `next` with the request's logger in force: Nest's `Logger` lines written while handling it carry its ids (and agency, once known). */
  within(request: IncomingMessage, next: () => void): void {
    const logged = request as LoggedRequest;
    if (logged.log) storage.run(Object.assign(new Store(logged.log), { [AGENCY]: logged[CONTEXT]?.agency }), next);
    else next();
  }
}

/** The request lines of a Fastify app (the services and the embedded platform). Call before `init()`. */
export function logFastifyRequests(fastify: FastifyInstance, root: PinoRoot): void {
  const logging = new RequestLogging(root);
  fastify.addHook('onRequest', (request, reply, done) => {
    logging.begin(request.raw, reply.raw, request.routeOptions.url ?? null, () => (request as { principal?: { agency?: string } }).principal?.agency);
    done();
  });
  // After the body is read: from here to the answer the request's context is the handler's own.
  fastify.addHook('preHandler', (request, _reply, done) => logging.within(request.raw, () => done()));
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode >= 400) logging.answered(request.raw, reply.getHeader('content-type'), payload);
    done(null, payload);
  });
}

/** The request lines of an Express app (the distributed profile's gateway): `routeOf` names what answers, never the path. */
export function logExpressRequests(
  root: PinoRoot,
  routeOf: (request: IncomingMessage) => string | null,
): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  const logging = new RequestLogging(root);
  return (request, response, next) => {
    logging.begin(request, response, routeOf(request), () => undefined);
    logging.within(request, next);
  };
}
