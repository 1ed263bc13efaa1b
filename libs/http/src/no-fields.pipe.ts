import { Injectable, PipeTransform } from '@nestjs/common';
import { notAnObject } from './body-shape';
import { ProblemException } from './problem';

/** For commands without fields: anything sent is an unknown field (400), as with a DTO; no body at all is none. */
@Injectable()
export class NoFieldsPipe implements PipeTransform {
  transform(value: unknown): Record<string, never> {
    if (value === undefined) return {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw notAnObject();
    const fields = Object.keys(value);
    if (fields.length > 0) {
      const errors = fields.map((field) => ({ field, message: 'is not a known field' }));
      throw ProblemException.of(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', errors);
    }
    return {};
  }
}
