import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { CommandRefused, ConcurrentWriteError } from '@ips/kernel';
import { carriesClientStatus, frameworkCode, frameworkProblem } from './framework-problems';
import { ProblemDetails, ProblemException, domainProblem, problemDetails } from './problem';

/** What the filter needs of the framework's reply: Fastify's and Express's (the gateway) both have it. */
interface ProblemReply {
  status(code: number): this;
  header(name: string, value: string): unknown;
  type(contentType: string): unknown;
  send(body: string): unknown;
}

/**
 * The problem an exception answers with; `instance` is the request's URL. Fastify's own errors before a route reach
 * here as HttpExceptions (Nest maps them by status) and keep their words. The other errors that carry a 4xx status
 * come from the static-file plugins behind swagger-ui at /docs (a NUL byte, a `..` segment, a range past the end):
 * the path names no file served here, 404, which is also what the gateway's Express answers for them (serve-static
 * falls through), so both profiles answer alike.
 */
function problemOf(exception: unknown, instance: string): ProblemDetails {
  if (exception instanceof ProblemException) return { ...exception.problem, instance };
  if (exception instanceof CommandRefused) return { ...domainProblem(exception.error).problem, instance };
  if (exception instanceof ConcurrentWriteError) return { ...concurrentWriteProblem().problem, instance };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response ? String((response as { message: unknown }).message) : exception.message;
    return { ...problemDetails(status, frameworkCode(status), message), instance };
  }
  if (carriesClientStatus(exception)) return frameworkProblem(404, instance);
  return problemDetails(500, 'INTERNAL', 'something went wrong on our side; nothing you sent caused it');
}

/** Another process kept writing the same record through every retry: nothing was stored, so sending it again is safe. */
const concurrentWriteProblem = (): ProblemException =>
  ProblemException.of(
    409,
    'STREAM.CONCURRENT_WRITE',
    'someone else was saving to this record at the same moment and nothing of yours was stored; please send it again',
  );

const logger = new Logger('http');

/** Sends `body` as application/problem+json, with the headers a ProblemException carries (Retry-After). */
function sendProblem(reply: ProblemReply, exception: unknown, body: ProblemDetails): unknown {
  // A crash leaves its stack; a 5xx answered on purpose (503 not ready) is the request's own log line, with its code.
  if (body.status >= 500 && !(exception instanceof ProblemException)) logger.error(exception instanceof Error ? exception.stack : String(exception));
  if (exception instanceof ProblemException) for (const [name, value] of Object.entries(exception.headers)) reply.header(name, value);
  if (exception instanceof ConcurrentWriteError) reply.header('retry-after', '1');
  reply.status(body.status).type('application/problem+json');
  return reply.send(JSON.stringify(body));
}

/**
 * Every error leaves as application/problem+json; nothing a client sent ever becomes a 5xx. The one place a command's
 * refusal (CommandRefused: 404, 409 or 422 with the rule's code) and a lost race (409 with Retry-After) become answers.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    void sendProblem(http.getResponse<ProblemReply>(), exception, problemOf(exception, http.getRequest<{ originalUrl: string }>().originalUrl));
  }
}
