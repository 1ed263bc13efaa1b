export const OnCallRosterErrors = {
  teamNotFound: 'ON_CALL.TEAM_NOT_FOUND',
  invalidTimeZone: 'ON_CALL.INVALID_TIME_ZONE',
  invalidTime: 'ON_CALL.INVALID_TIME',
  invalidPeriod: 'ON_CALL.INVALID_PERIOD',
  shiftAlreadyScheduled: 'ON_CALL.SHIFT_ALREADY_SCHEDULED',
  overlaps: 'ON_CALL.OVERLAPS',
  shiftNotFound: 'ON_CALL.SHIFT_NOT_FOUND',
  shiftAlreadyCancelled: 'ON_CALL.SHIFT_ALREADY_CANCELLED',
  /** Once the programme has defined a team, on-call teams are its teams: PUT /programme/teams/:teamId, then shifts on it. */
  useProgrammeTeams: 'ON_CALL.USE_PROGRAMME_TEAMS',
  /** The worker of a shift on a programme team is not a member of it, in the shift's role, over the shift's days. */
  notATeamMember: 'TEAM.NOT_A_MEMBER',
} as const;
