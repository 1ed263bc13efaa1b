/**
 * Staff named on the record (decision 27, issue 21): once the programme has defined a team, a form that names a person
 * picks them from the participant's team, so a command that names someone carries what the service's team directory
 * says about them, and the decider refuses a name that does not fit. The feature layer looks the memberships up (I/O);
 * the decider only compares.
 */

/** One of the named person's memberships current on the day of the command: the team, and the agency and role held on it. */
export interface StaffMembership {
  readonly teamId: string;
  readonly agency: string;
  readonly role: string;
}

/** Which agency and role a named field asks for. */
export interface NamedRole {
  readonly field: string;
  readonly agency: string;
  readonly role: string;
  /** How people say it: "an employment specialist". */
  readonly says: string;
}

/** Whether one of the memberships is on `teamId` with the agency and role asked for. */
export const fitsTeam = (memberships: readonly StaffMembership[], teamId: string, named: NamedRole): boolean =>
  memberships.some((membership) => membership.teamId === teamId && membership.agency === named.agency && membership.role === named.role);

/** The problem's detail: names the field, the person and what they would have to be. */
export const notAMemberDetail = (named: NamedRole, sub: string): string =>
  `${named.field}: ${sub} is not ${named.says} on the participant's team today (pick one of the team's members)`;
