import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ProblemException } from './problem';

const flatten = (errors: readonly ValidationError[], parent = ''): FieldProblem[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      // class-validator words unknown fields as "property x should not exist"
      ({ field, message: message.replace(/^property \S+ should not exist$/, 'is not a known field') }),
    );
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** DTOs validated with class-validator; unknown fields are refused, every problem listed per field. */
export const validationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      ProblemException.of(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', flatten(errors)),
  });
