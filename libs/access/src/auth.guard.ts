import { CanActivate, ExecutionContext, Inject, Injectable, Optional, createParamDecorator } from '@nestjs/common';
import { ProblemException, RateLimit } from '@ips/http';
import { CLOCK, Clock, systemClock } from '@ips/kernel';
import { PolicyRow, PrincipalKind, isTeamStaff, policyFor } from './policy';
import { Principal } from './principal';
import { InvalidTokenError, TOKEN_VERIFIER, TokenVerifier } from './token-verifier';
import { ACCESS_REFUSALS, AccessRefusals, WORK_NEED, WorkNeed } from './work-need';

export type AuthenticatedRequest = {
  headers: Record<string, string | undefined>;
  ip?: string;
  method: string;
  /** Fastify's: the matched route's pattern, `/employer/contact-requests/:requestId`. */
  routeOptions?: { url?: string };
  params?: Record<string, unknown>;
  body?: unknown;
  principal?: Principal;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The answer to a staff caller without work need: the very problem a route gives for a participant it does not know
 * (the team view's `notVisible`, the agencies' deciders), so a refusal does not tell that the participant exists.
 */
export const participantNotFound = (): ProblemException => ProblemException.of(404, 'PARTICIPANT.NOT_FOUND', 'no participant with this id that you may see');

/**
 * The participant a work-need row names in this request, or null when there is none to check: a missing or malformed
 * id is the route's own 400 (the UUID pipe or the body's validation run after the guard), not a 404 from here. A
 * non-UUID can have no relation, but answering it 404 would hide the 400 the route documents.
 */
const participantOf = (row: PolicyRow, request: AuthenticatedRequest): string | null => {
  const value =
    row.workNeed === 'path-id'
      ? request.params?.['id']
      : row.workNeed === 'body-participantId' && typeof request.body === 'object' && request.body !== null
        ? (request.body as Record<string, unknown>)['participantId']
        : undefined;
  return typeof value === 'string' && UUID.test(value) ? value : null;
};

/** Failed authentications allowed per client address and minute before 429 (guessing tokens). */
export const AUTH_FAILURES_PER_MINUTE = Symbol('AUTH_FAILURES_PER_MINUTE');
const DEFAULT_AUTH_FAILURES_PER_MINUTE = 30;

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest<AuthenticatedRequest>().principal as Principal,
);

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly failures: RateLimit;

  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Optional() @Inject(AUTH_FAILURES_PER_MINUTE) failuresPerMinute?: number,
    /** Work need on the table's `workNeed` rows; unbound, every staff call on such a row is refused (fail closed). */
    @Optional() @Inject(WORK_NEED) private readonly workNeed?: WorkNeed,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
    /** Told of each work-need refusal (the team view audits it as a denied read); optional. */
    @Optional() @Inject(ACCESS_REFUSALS) private readonly refusals?: AccessRefusals,
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
    if (policy.workNeed && isTeamStaff(request.principal)) await this.checkWorkNeed(policy, request, request.principal);
    return true;
  }

  /**
   * Work need (decision 28): a staff caller must have a relation to the row's participant now (member of the current
   * team, named on the record, or an emergency grant), else the 404 of an unknown participant, recorded as refused.
   */
  private async checkWorkNeed(policy: PolicyRow, request: AuthenticatedRequest, principal: Principal): Promise<void> {
    const participantId = participantOf(policy, request);
    if (participantId === null) return;
    const relation = this.workNeed ? await this.workNeed.relationTo(principal, participantId, this.clock.now()) : null;
    // An emergency access opens only the rows that say so (the team view's reads), never a write.
    if (relation !== null && (relation !== 'emergency' || policy.emergencyAccess === true)) return;
    try {
      await this.refusals?.recordRefused(principal, participantId, policy.route);
    } catch {
      // The answer stays the 404: an audit that could not be written must not tell the caller more.
    }
    throw participantNotFound();
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
