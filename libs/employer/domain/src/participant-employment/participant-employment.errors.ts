export const ParticipantEmploymentErrors = {
  participantNotEnrolled: 'PARTICIPANT.NOT_ENROLLED',
  /** An employer's answer for every participant it may not record a job for: it learns nothing more. */
  participantNotFound: 'PARTICIPANT.NOT_FOUND',
  employerNotFound: 'EMPLOYER.NOT_FOUND',
  placementAlreadyStarted: 'PLACEMENT.ALREADY_STARTED',
  placementNotFound: 'PLACEMENT.NOT_FOUND',
  placementEnded: 'PLACEMENT.ENDED',
  notCompetitive: 'PLACEMENT.NOT_COMPETITIVE',
  wageBelowMinimum: 'PLACEMENT.WAGE_BELOW_MINIMUM',
  invalidHours: 'PLACEMENT.INVALID_HOURS',
  termsUnchanged: 'PLACEMENT.TERMS_UNCHANGED',
  endBeforeStart: 'PLACEMENT.END_BEFORE_START',
} as const;
