import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ProblemDetails, problemDetails } from './problem';

interface FrameworkProblem {
  readonly code: string;
  readonly detail: string;
}

/**
 * The codes of the refusals that come from the frameworks rather than from our routes: Fastify and Express, their
 * static-file plugins (swagger-ui at /docs) and Node's HTTP parser. The details are for the refusals whose own words
 * are not sent (a static plugin's message may name a file) or that have none (the parser's).
 */
const FRAMEWORK_PROBLEMS: Readonly<Record<number, FrameworkProblem>> = {
  400: { code: 'REQUEST.MALFORMED', detail: 'the request is malformed' },
  403: { code: 'ROUTE.FORBIDDEN', detail: 'this path leads outside what is served here' },
  404: { code: 'ROUTE.NOT_FOUND', detail: 'nothing is served at this path' },
  405: { code: 'ROUTE.METHOD_NOT_ALLOWED', detail: 'this path does not take this method' },
  408: { code: 'REQUEST.TIMEOUT', detail: 'the request did not arrive in time' },
  413: { code: 'REQUEST.BODY_TOO_LARGE', detail: 'the request body is too large' },
  414: { code: 'REQUEST.URL_TOO_LONG', detail: 'the path is too long' },
  415: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', detail: 'send the body as application/json' },
  416: { code: 'REQUEST.RANGE_NOT_SATISFIABLE', detail: 'the requested range lies outside the file' },
  431: { code: 'REQUEST.HEADERS_TOO_LARGE', detail: 'the request headers are too large' },
};

/** The problem code of a framework's refusal with this status. */
export const frameworkCode = (status: number): string => FRAMEWORK_PROBLEMS[status]?.code ?? `HTTP.${status}`;

/** A framework's refusal as a problem, in our words. */
export const frameworkProblem = (status: number, instance?: string): ProblemDetails => {
  const known = FRAMEWORK_PROBLEMS[status];
  return {
    ...problemDetails(status, frameworkCode(status), known?.detail ?? 'the request cannot be answered'),
    ...(instance === undefined ? {} : { instance }),
  };
};

/**
 * Whether an error carries a 4xx status (`statusCode`, or `status` as http-errors and `send` set it), as Fastify's and
 * Express's own handlers read it: a refusal by a framework plugin. Anything else is ours to answer as 500.
 */
export function carriesClientStatus(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { statusCode, status } = error as { statusCode?: unknown; status?: unknown };
  const value = statusCode ?? status;
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value < 500;
}

/** A path that does not decode (`%c0`, an overlong or cut UTF-8 sequence, a lone `%`). */
export const MALFORMED_URL: ProblemDetails = problemDetails(400, 'REQUEST.MALFORMED_URL', 'the path is not valid percent-encoded UTF-8');

/** Whether the path of a request target (query left out) decodes as UTF-8, as Fastify's router requires. */
export function pathDecodes(url: string): boolean {
  try {
    decodeURIComponent(url.split('?')[0] ?? '');
    return true;
  } catch {
    return false;
  }
}

/** The headers every answer carries, here for answers written to the socket before any framework sees the request. */
const RAW_HEADERS = [
  'Content-Type: application/problem+json',
  'Cache-Control: no-store',
  'X-Content-Type-Options: nosniff',
  "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
  'Connection: close',
];

/**
 * Node's `clientError`: a request its HTTP parser refuses (a NUL or a raw non-ASCII byte in the path, a broken
 * request line, headers too large, too slow). Answered as problem+json, as Node and Fastify would answer it in their
 * own format, and only while no answer is under way on the socket (Node's own check), so nothing is corrupted.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify(frameworkProblem(status));
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, ...RAW_HEADERS, `Content-Length: ${Buffer.byteLength(body)}`];
  // Closed once written: the parser cannot read on after a broken request.
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}
