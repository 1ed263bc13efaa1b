import { ROLES, Role, TOKEN_AGENCIES, TokenAgency } from '@ips/contracts';

/** The verified caller of a request, from the token's claims. */
export interface Principal {
  readonly sub: string;
  readonly agency: TokenAgency;
  readonly role: Role;
  /** A participant's own token names the participant. */
  readonly participantId?: string;
  readonly employerId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The claims as a Principal, or the reason they do not make one. */
export function principalFromClaims(claims: Record<string, unknown>): Principal | string {
  const { sub, agency, role, participantId, employerId } = claims;
  if (typeof sub !== 'string' || sub.length === 0) return 'token has no subject';
  if (!TOKEN_AGENCIES.includes(agency as TokenAgency)) return 'token has no known agency';
  if (!ROLES.includes(role as Role)) return 'token has no known role';
  if ((agency === 'participant') !== (role === 'participant')) return 'participant agency and role go together';
  if ((agency === 'programme') !== (role === 'administrator' || role === 'coordinator'))
    return 'the programme agency and its roles (administrator, coordinator) go together';
  if (role === 'participant' && !(typeof participantId === 'string' && UUID.test(participantId))) return "a participant's token must name the participant";
  if (role === 'employer' && !(typeof employerId === 'string' && UUID.test(employerId))) return "an employer's token must name the employer";
  return {
    sub,
    agency: agency as TokenAgency,
    role: role as Role,
    ...(typeof participantId === 'string' ? { participantId } : {}),
    ...(typeof employerId === 'string' ? { employerId } : {}),
  };
}
