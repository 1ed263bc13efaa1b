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
] as const;
export type Role = (typeof ROLES)[number];

/** Token `agency` claim: the four agencies, or `participant` for a participant's own token. */
export const TOKEN_AGENCIES = [...AGENCIES, 'participant'] as const;
export type TokenAgency = (typeof TOKEN_AGENCIES)[number];
