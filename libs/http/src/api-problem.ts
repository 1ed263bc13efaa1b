import { ApiResponse } from '@nestjs/swagger';
import { FieldProblem, problemType, titleFor } from './problem';

/** A documented problem+json answer: every stable code of that status, and an example of the first. */
export const ApiProblem = (status: number, codes: string | readonly [string, ...string[]], detail: string, errors?: readonly FieldProblem[]) => {
  const all = typeof codes === 'string' ? [codes] : codes;
  const [code] = all as readonly [string, ...string[]];
  return ApiResponse({
    status,
    description: all.join(', '),
    content: {
      'application/problem+json': {
        example: { type: problemType(code), title: titleFor(status), status, detail, code, ...(errors ? { errors } : {}) },
      },
    },
  });
};

/** The validation pipe's 400 for one field, documented with an example. */
export const ApiInvalidRequest = (field: string, message: string) =>
  ApiProblem(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', [{ field, message }]);
