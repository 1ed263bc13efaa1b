import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ProblemException } from './problem';
import { documentMethod } from './uuid-param.pipe';

/** Visible ASCII, 1 to 255 characters: what clients send (a UUID, say), and nothing that could be a header trick. */
const KEY = /^[\x21-\x7e]{1,255}$/;

const idempotencyKeyOf = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value: unknown = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && KEY.test(value)) return value;
  throw ProblemException.of(400, 'REQUEST.INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
});

/**
 * `@IdempotencyKey()`: the optional `Idempotency-Key` header (IETF httpapi draft) with which a client makes a retry of a
 * POST safe: the same key again means the same request, answered as the first time. 400 when malformed.
 */
export const IdempotencyKey =
  (description: string): ParameterDecorator =>
  (target, key, index) => {
    idempotencyKeyOf()(target, key, index);
    documentMethod(target, key, ApiHeader({ name: 'Idempotency-Key', required: false, description, example: '5b0e8f3c-6c1d-4a57-9a51-3f1e2b7d9c10' }));
  };
