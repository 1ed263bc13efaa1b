export const OnCallRosterErrors = {
  teamNotFound: 'ON_CALL.TEAM_NOT_FOUND',
  invalidTimeZone: 'ON_CALL.INVALID_TIME_ZONE',
  invalidTime: 'ON_CALL.INVALID_TIME',
  invalidPeriod: 'ON_CALL.INVALID_PERIOD',
  shiftAlreadyScheduled: 'ON_CALL.SHIFT_ALREADY_SCHEDULED',
  overlaps: 'ON_CALL.OVERLAPS',
  shiftNotFound: 'ON_CALL.SHIFT_NOT_FOUND',
  shiftAlreadyCancelled: 'ON_CALL.SHIFT_ALREADY_CANCELLED',
} as const;
