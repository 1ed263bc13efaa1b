import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role, TokenAgency } from '@ips/contracts';
import { ProblemException } from '@ips/http';
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

type AuthenticatedRequest = { headers: Record<string, string | undefined>; principal?: Principal };

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal as Principal,
);

const matches = (principal: Principal, rule: AllowRule): boolean =>
  (!rule.agency || rule.agency.includes(principal.agency)) && (!rule.role || rule.role.includes(principal.role));

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['authorization'];
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw ProblemException.of(401, 'AUTH.TOKEN_MISSING', 'send Authorization: Bearer <token>');
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.message : 'token could not be verified';
      throw ProblemException.of(401, 'AUTH.TOKEN_INVALID', reason);
    }
    const rules = this.reflector.getAllAndOverride<AllowRule[] | undefined>(ALLOWED, targets);
    if (rules && !rules.some((rule) => matches(request.principal as Principal, rule))) {
      throw ProblemException.of(403, 'AUTH.FORBIDDEN', 'your agency or role may not do this');
    }
    return true;
  }
}
