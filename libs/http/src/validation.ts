import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { notAnObject, shapeProblems } from './body-shape';
import { FieldProblem, ProblemException } from './problem';

const invalid = (problems: readonly FieldProblem[]): ProblemException =>
  ProblemException.of(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', problems);

/** class-validator's errors as field problems; iterative, as the nesting of a DTO's errors follows the body's. */
const flatten = (errors: readonly ValidationError[]): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const queue = errors.map((error) => ({ error, parent: '' }));
  for (let next = 0; next < queue.length; next++) {
    const { error, parent } = queue[next] as (typeof queue)[number];
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator words unknown fields as "property x should not exist"
      problems.push({ field, message: message.replace(/^property \S+ should not exist$/, 'is not a known field') });
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
