import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemDetails, ProblemException, problemType, titleFor } from './problem';

/** body-parser's errors carry `type` and `status`. */
interface ParserError {
  readonly type?: string;
  readonly status?: number;
  readonly statusCode?: number;
}

const parserProblem = (error: ParserError | undefined): ProblemDetails | null => {
  switch (error?.type) {
    case 'entity.too.large':
      return problem(413, 'REQUEST.BODY_TOO_LARGE', 'the request body is larger than allowed');
    case 'entity.parse.failed':
      return problem(400, 'REQUEST.MALFORMED_JSON', 'the request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problem(415, 'REQUEST.UNSUPPORTED_ENCODING', 'the request body encoding is not supported');
    default:
      return null;
  }
};

function problem(status: number, code: string, detail: string): ProblemDetails {
  return { type: problemType(code), title: titleFor(status), status, detail, code };
}

/** Every error leaves as application/problem+json; nothing a client sent ever becomes a 5xx. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = this.toProblem(exception, request);
    if (body.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (exception instanceof ProblemException) response.set(exception.headers);
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, request: Request): ProblemDetails {
    if (exception instanceof ProblemException) return { ...exception.problem, instance: request.originalUrl };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const parsed = parserProblem(exception.cause as ParserError | undefined);
      if (parsed) return parsed;
      const code = status === 404 ? 'ROUTE.NOT_FOUND' : status === 400 ? 'REQUEST.MALFORMED' : `HTTP.${status}`;
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String((response as { message: unknown }).message)
          : exception.message;
      return { ...problem(status, code, message), instance: request.originalUrl };
    }
    const parsed = parserProblem(exception as ParserError | undefined);
    if (parsed) return parsed;
    return problem(500, 'INTERNAL', 'something went wrong on our side; nothing you sent caused it');
  }
}
