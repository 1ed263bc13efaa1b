import { randomUUID } from 'node:crypto';
import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { CommandIssuer } from '@ips/kernel';
import { documentCorrelationId } from '@ips/http';
import { AuthenticatedRequest } from './auth.guard';
import { Principal } from './principal';

const CORRELATION = /^[A-Za-z0-9._:-]{1,100}$/;

/** Who and which request: the metadata every command and its events carry (the pipeline adds the time). */
export const commandIssuer = (principal: Principal, correlationId?: string): CommandIssuer => ({
  actor: { sub: principal.sub, agency: principal.agency, role: principal.role },
  correlationId: correlationId && CORRELATION.test(correlationId) ? correlationId : randomUUID(),
});

const IssuerParam = createParamDecorator((_: unknown, context: ExecutionContext): CommandIssuer => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  return commandIssuer(request.principal as Principal, request.headers['x-correlation-id']);
});

/** A route's command issuer: the authenticated principal, and the request's `x-correlation-id` (a new id if none). */
export const Issuer = (): ParameterDecorator => (target, key, index) => {
  IssuerParam()(target, key, index);
  documentCorrelationId(target, key);
};
