import { randomUUID } from 'node:crypto';
import { Clock, CommandMetadata } from '@ips/kernel';
import { Principal } from './principal';

const CORRELATION = /^[A-Za-z0-9._:-]{1,100}$/;

/** Who, when and which request: the metadata every command and its events carry. */
export const commandMetadata = (principal: Principal, clock: Clock, correlationId?: string): CommandMetadata => ({
  actor: { sub: principal.sub, agency: principal.agency, role: principal.role },
  now: clock.now().toISOString(),
  correlationId: correlationId && CORRELATION.test(correlationId) ? correlationId : randomUUID(),
});
