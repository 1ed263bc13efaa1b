import { ParseUUIDPipe } from '@nestjs/common';
import { ProblemException } from './problem';

/** A path id that is not a UUID is bad input (400), not an unknown resource. */
export const UuidParam = (): ParseUUIDPipe =>
  new ParseUUIDPipe({
    exceptionFactory: () => ProblemException.of(400, 'REQUEST.INVALID_ID', 'the id in the path is not a UUID'),
  });
