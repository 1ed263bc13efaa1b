import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { notAnObject, shapeProblems } from './body-shape';
import { FIELD_PROBLEM_CODES, FieldProblem, FieldProblemCode, ProblemException } from './problem';

const invalid = (problems: readonly FieldProblem[]): ProblemException =>
  ProblemException.of(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', problems);

/** class-validator's constraints (and this platform's own) by the kind of problem they find. */
const CODES: Readonly<Record<string, FieldProblemCode>> = {
  isDefined: 'missing',
  isNotEmpty: 'missing',
  arrayNotEmpty: 'missing',
  calendarDate: 'not-a-date',
  isDateString: 'not-a-date',
  isISO8601: 'not-a-date',
  instant: 'not-a-time',
  isInt: 'not-a-number',
  isNumber: 'not-a-number',
  isIn: 'not-an-option',
  isEnum: 'not-an-option',
  isUuid: 'not-an-id',
  isBoolean: 'not-yes-or-no',
  isString: 'not-text',
  isArray: 'not-a-list',
  maxLength: 'too-long',
  minLength: 'too-short',
  arrayMaxSize: 'too-many',
  arrayMinSize: 'too-short',
  dateWindow: 'date-out-of-range',
  boundedNumber: 'number-out-of-range',
  min: 'number-out-of-range',
  max: 'number-out-of-range',
};
const rank = (code: FieldProblemCode | undefined): number => (code === undefined ? -1 : FIELD_PROBLEM_CODES.indexOf(code));
const isMissing = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * class-validator's errors as field problems, one per field: the most telling first (a field left out or empty says it
 * is missing, whatever else its value breaks), each with its code. Iterative, as the nesting of a DTO's errors follows
 * the body's.
 */
const flatten = (errors: readonly ValidationError[]): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const queue = errors.map((error) => ({ error, parent: '' }));
  for (let next = 0; next < queue.length; next++) {
    const { error, parent } = queue[next] as (typeof queue)[number];
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const unknown = constraints.find(([name]) => name === 'whitelistValidation');
    if (unknown) {
      // class-validator words unknown fields as "property x should not exist"
      problems.push({ field, message: 'is not a known field' });
    } else if (constraints.length > 0) {
      const found = constraints.map(([name, message]) => ({ field, message, code: CODES[name] ?? ('invalid' as const) }));
      const missing = isMissing(error.value) || found.some((problem) => problem.code === 'missing');
      problems.push(missing ? { field, message: 'is missing', code: 'missing' } : (found.sort((a, b) => rank(a.code) - rank(b.code))[0] as FieldProblem));
    }
    for (const child of error.children ?? []) queue.push({ error: child, parent: field });
  }
  return problems;
};

/**
 * Before class-transformer and class-validator (both recursive) see a body or query: a body that is not a JSON object
 * (null, a list, a number, a text) is refused, and so is one nested too deeply or with a field no DTO can declare
 * (class-transformer drops those silently). A request without a body goes on as no fields.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const whole = metadata.data === undefined;
    if (metadata.type === 'body' && whole && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw notAnObject();
    }
    if ((metadata.type === 'body' || metadata.type === 'query') && whole) {
      const problems = shapeProblems(value);
      if (problems.length > 0) throw invalid(problems);
    }
    return super.transform(value, metadata);
  }
}

/** DTOs validated with class-validator; unknown fields are refused, every problem listed per field. */
export const validationPipe = (): ValidationPipe =>
  new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
