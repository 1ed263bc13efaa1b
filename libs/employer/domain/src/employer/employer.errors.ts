export const EmployerErrors = {
  invalidOrganisationNumber: 'EMPLOYER.INVALID_ORGANISATION_NUMBER',
  alreadyRegistered: 'EMPLOYER.ALREADY_REGISTERED',
} as const;
