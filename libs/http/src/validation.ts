import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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

/** Names class-transformer never copies onto a DTO, so class-validator never sees them to refuse. */
const UNCARRIED = new Set(['__proto__', 'constructor', 'prototype']);

/** Fields of a parsed body or query, at any depth, that a DTO can never declare. */
export function uncarriedFields(value: unknown, parent = ''): FieldProblem[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => uncarriedFields(item, `${parent}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const field = parent ? `${parent}.${key}` : key;
    return UNCARRIED.has(key) ? [{ field, message: 'is not a known field' }] : uncarriedFields((value as Record<string, unknown>)[key], field);
  });
}

/** The whitelist refuses unknown fields, except those class-transformer drops silently: those are refused here first. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = uncarriedFields(value);
      if (problems.length > 0) throw ProblemException.of(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', problems);
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
    exceptionFactory: (errors) =>
      ProblemException.of(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', flatten(errors)),
  });
