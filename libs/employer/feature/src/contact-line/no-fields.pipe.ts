import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from '@ips/http';

/** For commands without fields: anything sent is an unknown field (400), as with a DTO. */
@Injectable()
export class NoFieldsPipe implements PipeTransform {
  transform(value: unknown): Record<string, never> {
    const fields = typeof value === 'object' && value !== null ? Object.keys(value) : [];
    if (fields.length > 0) {
      const errors = fields.map((field) => ({ field, message: 'is not a known field' }));
      throw ProblemException.of(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', errors);
    }
    return {};
  }
}
