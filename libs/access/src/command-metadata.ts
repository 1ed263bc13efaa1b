import { randomUUID } from 'node:crypto';
import { CommandMetadata } from '@ips/utils';
import { Principal } from './principal';

export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

const CORRELATION = /^[A-Za-z0-9._:-]{1,100}$/;

/** Who, when and which request: the metadata every command and its events carry. */
export const commandMetadata = (principal: Principal, clock: Clock, correlationId?: string): CommandMetadata => ({
  actor: { sub: principal.sub, agency: principal.agency, role: principal.role },
  now: clock.now().toISOString(),
  correlationId: correlationId && CORRELATION.test(correlationId) ? correlationId : randomUUID(),
});
