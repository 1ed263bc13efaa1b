import { Headers, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiHeader, ApiParam } from '@nestjs/swagger';
import { ProblemException } from './problem';

/** A path id that is not a UUID is bad input (400), not an unknown resource. */
export const UuidParam = (): ParseUUIDPipe =>
  new ParseUUIDPipe({
    exceptionFactory: () => ProblemException.of(400, 'REQUEST.INVALID_ID', 'the id in the path is not a UUID'),
  });

const EXAMPLE_IDS: Readonly<Record<string, string>> = {
  id: '0190a6f0-0000-7000-8000-000000000001',
  flagId: '0190a6f0-0000-7000-8000-00000000f001',
  placementId: '0190a6f0-0000-7000-8000-00000000c101',
  serviceId: '0190a6f0-0000-7000-8000-00000000a001',
  shiftId: '0190a6f0-0000-7000-8000-00000000d001',
  requestId: '0190a6f0-0000-7000-8000-00000000e001',
  teamId: '0190a6f0-0000-7000-8000-00000000b001',
};

/** Applies a method decorator from a parameter decorator, so one decorator binds and documents a value. */
export const documentMethod = (target: object, key: string | symbol | undefined, decorator: MethodDecorator): void => {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor) decorator(target, key, descriptor);
};

/** `@PathId('id')`: a UUID path parameter (400 when it is not one), documented with an example. */
export const PathId =
  (name: string, description = 'id'): ParameterDecorator =>
  (target, key, index) => {
    Param(name, UuidParam())(target, key, index);
    documentMethod(target, key, ApiParam({ name, description, format: 'uuid', example: EXAMPLE_IDS[name] ?? EXAMPLE_IDS['id'] }));
  };

/** Documents the optional `x-correlation-id` header on a route (`@CorrelationId()` and `@Issuer()` read it). */
export const documentCorrelationId = (target: object, key: string | symbol | undefined): void =>
  documentMethod(
    target,
    key,
    ApiHeader({
      name: 'x-correlation-id',
      required: false,
      description: 'traces this request through every event and audit entry it causes',
      example: 'c0ffee00-1b2c-4d5e-8f90-0123456789ab',
    }),
  );

/** `@CorrelationId()`: the optional `x-correlation-id` header a client sends to trace one request across agencies. */
export const CorrelationId = (): ParameterDecorator => (target, key, index) => {
  Headers('x-correlation-id')(target, key, index);
  documentCorrelationId(target, key);
};
