export const ParticipantCareErrors = {
  notEnrolled: 'PARTICIPANT.NOT_ENROLLED',
  noAttendees: 'INTEGRATION_MEETING.NO_ATTENDEES',
  reviewDateInPast: 'RELAPSE_FLAG.REVIEW_DATE_IN_PAST',
  flagAlreadyRaised: 'RELAPSE_FLAG.ALREADY_RAISED',
  flagAlreadyOpen: 'RELAPSE_FLAG.ALREADY_OPEN',
  flagNotRaised: 'RELAPSE_FLAG.NOT_RAISED',
  treatmentAlreadyEnded: 'TREATMENT.ALREADY_ENDED',
  noTeam: 'TREATMENT.NO_TEAM',
} as const;
