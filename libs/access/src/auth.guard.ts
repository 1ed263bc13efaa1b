import { CanActivate, ExecutionContext, Inject, Injectable, Optional, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role, TokenAgency } from '@ips/contracts';
import { ProblemException, RateLimit } from '@ips/http';
import { Principal } from './principal';
import { InvalidTokenError, TOKEN_VERIFIER, TokenVerifier } from './token-verifier';

const PUBLIC_ROUTE = 'ips:public';
const ALLOWED = 'ips:allowed';

export interface AllowRule {
  readonly agency?: readonly TokenAgency[];
  readonly role?: readonly Role[];
}

/** No token needed (health, API docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only callers matching one of the rules get in (403 otherwise). */
export const Allow = (...rules: AllowRule[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED, rules);

type AuthenticatedRequest = { headers: Record<string, string | undefined>; ip?: string; principal?: Principal };

/** Failed authentications allowed per client address and minute before 429 (guessing tokens). */
export const AUTH_FAILURES_PER_MINUTE = Symbol('AUTH_FAILURES_PER_MINUTE');
const DEFAULT_AUTH_FAILURES_PER_MINUTE = 30;

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal as Principal,
);

const matches = (principal: Principal, rule: AllowRule): boolean =>
  (!rule.agency || rule.agency.includes(principal.agency)) && (!rule.role || rule.role.includes(principal.role));

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly failures: RateLimit;

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Optional() @Inject(AUTH_FAILURES_PER_MINUTE) failuresPerMinute?: number,
  ) {
    this.failures = new RateLimit(
      failuresPerMinute ?? DEFAULT_AUTH_FAILURES_PER_MINUTE,
      'AUTH.TOO_MANY_FAILURES',
      'too many failed authentications from this address',
    );
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Only failures count: a valid token always gets in, so staff behind one office address are never locked out.
    const client = request.ip ?? 'unknown';
    const header = request.headers['authorization'];
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw await this.failed(client, ProblemException.of(401, 'AUTH.TOKEN_MISSING', 'send Authorization: Bearer <token>'));
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.message : 'token could not be verified';
      throw await this.failed(client, ProblemException.of(401, 'AUTH.TOKEN_INVALID', reason));
    }
    const rules = this.reflector.getAllAndOverride<AllowRule[] | undefined>(ALLOWED, targets);
    if (rules && !rules.some((rule) => matches(request.principal as Principal, rule))) {
      throw ProblemException.of(403, 'AUTH.FORBIDDEN', 'your agency or role may not do this');
    }
    return true;
  }

  /** Counts a failed authentication from the address; the answer is 401, or 429 once it used up its minute. */
  private async failed(client: string, unauthenticated: ProblemException): Promise<ProblemException> {
    try {
      await this.failures.consume(client);
      return unauthenticated;
    } catch (tooMany) {
      return tooMany as ProblemException;
    }
  }
}
