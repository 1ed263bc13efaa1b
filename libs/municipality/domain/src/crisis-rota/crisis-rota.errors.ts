export const CrisisRotaErrors = {
  invalidPhone: 'DUTY.INVALID_PHONE',
  invalidPeriod: 'DUTY.INVALID_PERIOD',
  alreadyScheduled: 'DUTY.ALREADY_SCHEDULED',
  overlaps: 'DUTY.OVERLAPS',
  notFound: 'DUTY.NOT_FOUND',
  alreadyCancelled: 'DUTY.ALREADY_CANCELLED',
} as const;
