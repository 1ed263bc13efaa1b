import { CanActivate, ExecutionContext, Inject, Injectable, Optional, createParamDecorator } from '@nestjs/common';
import { ProblemException, RateLimit } from '@ips/http';
import { PrincipalKind, policyFor } from './policy';
import { Principal } from './principal';
import { InvalidTokenError, TOKEN_VERIFIER, TokenVerifier } from './token-verifier';

type AuthenticatedRequest = {
  headers: Record<string, string | undefined>;
  ip?: string;
  method: string;
  /** Fastify's: the matched route's pattern, `/employer/contact-requests/:requestId`. */
  routeOptions?: { url?: string };
  principal?: Principal;
};

/** Failed authentications allowed per client address and minute before 429 (guessing tokens). */
export const AUTH_FAILURES_PER_MINUTE = Symbol('AUTH_FAILURES_PER_MINUTE');
const DEFAULT_AUTH_FAILURES_PER_MINUTE = 30;

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal as Principal,
);

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly failures: RateLimit;

  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Optional() @Inject(AUTH_FAILURES_PER_MINUTE) failuresPerMinute?: number,
  ) {
    this.failures = new RateLimit(
      failuresPerMinute ?? DEFAULT_AUTH_FAILURES_PER_MINUTE,
      'AUTH.TOO_MANY_FAILURES',
      'too many failed authentications from this address',
    );
  }

  /** The access policy table decides (libs/access/src/policy): anyone, or these agency/role pairs, or no one. */
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const policy = policyFor(request.method, request.routeOptions?.url ?? '');
    if (policy?.who === 'anyone') return true;
    // Only failures count: a valid token always gets in, so staff behind one office address are never locked out.
    const client = request.ip ?? 'unknown';
    const header = request.headers['authorization'];
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw await this.failed(client, ProblemException.of(401, 'AUTH.TOKEN_MISSING', 'send Authorization: Bearer <token>'));
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      // The verifier's own code and plain words; anything else it threw says nothing a client should read.
      const problem =
        error instanceof InvalidTokenError
          ? ProblemException.of(401, error.code, error.message)
          : ProblemException.of(401, 'AUTH.TOKEN_INVALID', 'the token could not be verified');
      throw await this.failed(client, problem);
    }
    const kind = `${request.principal.agency}/${request.principal.role}` as PrincipalKind;
    if (!policy || !policy.who.includes(kind)) {
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
