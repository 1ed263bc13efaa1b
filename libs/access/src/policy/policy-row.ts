import { Role, TokenAgency } from '@ips/contracts';

/** `agency/role` as a token names them, e.g. `welfare-office/caseworker`. */
export type PrincipalKind = `${TokenAgency}/${Role}`;

export interface PolicyRow {
  /** `METHOD /path` with Express parameters, as the route is mounted. */
  readonly route: string;
  readonly purpose: string;
  /** Who may call it at all (403 for everyone else); `anyone` needs no token. */
  readonly who: readonly PrincipalKind[] | 'anyone';
  /** The check on the participant or placement the route makes on top, if any. */
  readonly relation?: string;
}

/** Every agency/role a token can carry (api-contract.md). */
export const PRINCIPAL_KINDS: readonly PrincipalKind[] = [
  'welfare-office/caseworker',
  'welfare-office/employment-specialist',
  'welfare-office/supervisor',
  'mental-health/clinician',
  'mental-health/supervisor',
  'municipality/municipal-worker',
  'municipality/supervisor',
  'employer/employer',
  /** The employer service itself (its client-credentials token), asking the municipality who is on crisis duty. */
  'employer/service',
  'participant/participant',
  /** The IPS programme: defines teams and names their supervisors. */
  'programme/administrator',
  /** A county coordinator or the directorate: figures across teams, never a participant. */
  'programme/coordinator',
];
