import { HttpException } from '@nestjs/common';
import { DomainError } from '@ips/kernel';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
  /**
   * What is wrong, for a client to say in its user's language (FIELD_PROBLEM_CODES); the message says it in English.
   * Absent for an unknown field and for a problem a route words itself.
   */
  readonly code?: FieldProblemCode;
}

/** The kinds of field problem, most telling first: a field that is missing says so before anything else. */
export const FIELD_PROBLEM_CODES = [
  'missing',
  'not-a-date',
  'not-a-time',
  'not-a-number',
  'not-an-option',
  'not-an-id',
  'not-yes-or-no',
  'not-text',
  'not-a-list',
  'too-long',
  'too-short',
  'too-many',
  'date-out-of-range',
  'number-out-of-range',
  'invalid',
] as const;
export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];

/** RFC 9457 problem details, plus `code` (stable, for machines) and `errors` (per field). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code?: string;
  readonly errors?: readonly FieldProblem[];
  readonly instance?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Body too large',
  414: 'URL too long',
  415: 'Unsupported media type',
  416: 'Range not satisfiable',
  422: 'Not allowed in this state',
  429: 'Too many requests',
  431: 'Headers too large',
  500: 'Internal error',
  503: 'Not ready',
};

export const problemType = (code: string): string => `urn:ips:problem:${code}`;

export const titleFor = (status: number): string => TITLES[status] ?? 'Error';

export const problemDetails = (status: number, code: string, detail: string, errors?: readonly FieldProblem[]): ProblemDetails => ({
  type: problemType(code),
  title: titleFor(status),
  status,
  detail,
  code,
  ...(errors ? { errors } : {}),
});

export class ProblemException extends HttpException {
  constructor(
    readonly problem: ProblemDetails,
    /** Response headers that go with it, e.g. `retry-after` on a 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(problem, problem.status);
  }

  withHeaders(headers: Readonly<Record<string, string>>): ProblemException {
    return new ProblemException(this.problem, { ...this.headers, ...headers });
  }

  static of(status: number, code: string, detail: string, errors?: readonly FieldProblem[]): ProblemException {
    return new ProblemException(problemDetails(status, code, detail, errors));
  }
}

const STATUS_OF_KIND: Record<DomainError['kind'], number> = { 'not-found': 404, conflict: 409, rejected: 422 };

/** The edge's reading of a domain refusal: 404, 409 or 422 with the rule's stable code. */
export const domainProblem = (error: DomainError): ProblemException => ProblemException.of(STATUS_OF_KIND[error.kind], error.code, error.message);
