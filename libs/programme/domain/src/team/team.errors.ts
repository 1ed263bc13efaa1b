export const TeamErrors = {
  /** Also the answer to anyone who may not administer the team: they do not learn that it exists. */
  notFound: 'TEAM.NOT_FOUND',
  administratorOnly: 'TEAM.ADMINISTRATOR_ONLY',
  invalidTimeZone: 'TEAM.INVALID_TIME_ZONE',
  roleNotOfAgency: 'TEAM.ROLE_NOT_OF_AGENCY',
  supervisorByAdministrator: 'TEAM.SUPERVISOR_BY_ADMINISTRATOR',
  memberAlreadyAdded: 'TEAM.MEMBER_ALREADY_ADDED',
  fromOutOfRange: 'TEAM.FROM_OUT_OF_RANGE',
  memberNotFound: 'TEAM.MEMBER_NOT_FOUND',
  endBeforeStart: 'TEAM.END_BEFORE_START',
  endTooFarBack: 'TEAM.END_TOO_FAR_BACK',
} as const;
