import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ProblemDetails, ProblemException, problemType, titleFor } from './problem';

/** The codes of Fastify's errors before a route's handler, which Nest turns into HttpExceptions by their status. */
const FRAMEWORK_CODES: Readonly<Record<number, string>> = {
  400: 'REQUEST.MALFORMED',
  404: 'ROUTE.NOT_FOUND',
  413: 'REQUEST.BODY_TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

function problem(status: number, code: string, detail: string): ProblemDetails {
  return { type: problemType(code), title: titleFor(status), status, detail, code };
}

/** What the filter needs of the framework's reply: Fastify's and Express's (the gateway) both have it. */
interface ProblemReply {
  status(code: number): this;
  header(name: string, value: string): unknown;
  type(contentType: string): unknown;
  send(body: string): unknown;
}

/** The problem an exception answers with; `instance` is the request's URL. */
function problemOf(exception: unknown, instance: string): ProblemDetails {
  if (exception instanceof ProblemException) return { ...exception.problem, instance };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = FRAMEWORK_CODES[status] ?? `HTTP.${status}`;
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? String((response as { message: unknown }).message)
        : exception.message;
    return { ...problem(status, code, message), instance };
  }
  return problem(500, 'INTERNAL', 'something went wrong on our side; nothing you sent caused it');
}

const logger = new Logger('http');

/** Sends `body` as application/problem+json, with the headers a ProblemException carries (Retry-After). */
function sendProblem(reply: ProblemReply, exception: unknown, body: ProblemDetails): unknown {
  if (body.status >= 500) logger.error(exception instanceof Error ? exception.stack : String(exception));
  if (exception instanceof ProblemException) for (const [name, value] of Object.entries(exception.headers)) reply.header(name, value);
  reply.status(body.status).type('application/problem+json');
  return reply.send(JSON.stringify(body));
}

/** Every error leaves as application/problem+json; nothing a client sent ever becomes a 5xx. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    void sendProblem(http.getResponse<ProblemReply>(), exception, problemOf(exception, http.getRequest<{ originalUrl: string }>().originalUrl));
  }
}
