import { Role, STAFF_ROLES, TEAM_AGENCIES, TokenAgency } from '@ips/contracts';
import { RelationText } from './relations';

/** `agency/role` as a token names them, e.g. `welfare-office/caseworker`. */
export type PrincipalKind = `${TokenAgency}/${Role}`;

export interface PolicyRow {
  /** `METHOD /path` with Express parameters, as the route is mounted. */
  readonly route: string;
  readonly purpose: string;
  /** Who may call it at all (403 for everyone else); `anyone` needs no token. */
  readonly who: readonly PrincipalKind[] | 'anyone';
  /**
   * The check on the participant or placement the route makes on top, if any, for people: the relation rules it
   * applies (relations.ts, whose descriptions are the text) and free text for what the route decides itself.
   */
  readonly relation?: RelationText;
  /**
   * Work need (decision 28), enforced by the auth guard: a staff caller (a team agency's staff role, see `isTeamStaff`)
   * must have a relation to the route's participant, named by the path's `:id` (`path-id`) or by the body's
   * `participantId` (`body-participantId`): member of the participant's current team, named on the record, or (later)
   * an emergency-access grant in force. Else 404 PARTICIPANT.NOT_FOUND, as for an unknown participant. Employers,
   * participants, services and the programme are not asked about it: their own checks (`relation`) stand.
   */
  readonly workNeed?: WorkNeedSource;
  /**
   * An emergency access in force (decision 30) counts as work need on this row: the team view's reads of one
   * participant. Nowhere else: an emergency access opens a record to read, never to write.
   */
  readonly emergencyAccess?: true;
}

/** Where a work-need row's participant id is: the path's `:id`, or the JSON body's `participantId`. */
export type WorkNeedSource = 'path-id' | 'body-participantId';

const TEAM_AGENCY_NAMES: readonly string[] = TEAM_AGENCIES;
const STAFF_ROLE_NAMES: readonly string[] = STAFF_ROLES;

/** Staff of a team agency (welfare office, mental health, municipality) in a staff role: whom work need applies to. */
export const isTeamStaff = (principal: { readonly agency: string; readonly role: string }): boolean =>
  TEAM_AGENCY_NAMES.includes(principal.agency) && STAFF_ROLE_NAMES.includes(principal.role);

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
