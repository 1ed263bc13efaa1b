import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from './problem';

/** For commands without fields: anything sent is an unknown field (400), as with a DTO. */
@Injectable()
export class NoFieldsPipe implements PipeTransform {
  transform(value: unknown): Record<string, never> {
    if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      throw ProblemException.of(400, 'REQUEST.INVALID', 'the request body must be a JSON object', [{ field: '', message: 'must be an object' }]);
    }
    const fields = typeof value === 'object' && value !== null ? Object.keys(value) : [];
    if (fields.length > 0) {
      const errors = fields.map((field) => ({ field, message: 'is not a known field' }));
      throw ProblemException.of(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', errors);
    }
    return {};
  }
}
