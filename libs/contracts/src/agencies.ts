export const AGENCIES = ['welfare-office', 'mental-health', 'employer', 'municipality'] as const;
export type Agency = (typeof AGENCIES)[number];

export const ROLES = [
  'caseworker',
  'employment-specialist',
  'clinician',
  'supervisor',
  'municipal-worker',
  'employer',
  'participant',
  /** Another service of the platform calling on its own behalf (a client-credentials token), never a person. */
  'service',
  /** The IPS programme's administrator: defines teams and names their supervisors (agency `programme`). */
  'administrator',
  /** A county coordinator or the directorate: figures across teams, never a participant (agency `programme`). */
  'coordinator',
] as const;
export type Role = (typeof ROLES)[number];

/** Token `agency` claim: the four agencies, `participant` for a participant's own token, or `programme` for the IPS programme's own staff. */
export const TOKEN_AGENCIES = [...AGENCIES, 'participant', 'programme'] as const;
export type TokenAgency = (typeof TOKEN_AGENCIES)[number];

/** Who publishes shared events: the four agencies, and the programme (its team registry). */
export const PUBLISHERS = [...AGENCIES, 'programme'] as const;
export type Publisher = (typeof PUBLISHERS)[number];

/** The agencies whose staff are members of an IPS team (employers and participants never are). */
export const TEAM_AGENCIES = ['welfare-office', 'mental-health', 'municipality'] as const;
export type TeamAgency = (typeof TEAM_AGENCIES)[number];

/** The roles of an agency's staff, as a team member holds them. */
export const STAFF_ROLES = ['caseworker', 'employment-specialist', 'clinician', 'supervisor', 'municipal-worker'] as const;

/** The roles a team member may hold, by agency. */
export const TEAM_ROLES: Readonly<Record<TeamAgency, readonly Role[]>> = {
  'welfare-office': ['caseworker', 'employment-specialist', 'supervisor'],
  'mental-health': ['clinician', 'supervisor'],
  municipality: ['municipal-worker', 'supervisor'],
};
