export const ParticipantCareErrors = {
  notEnrolled: 'PARTICIPANT.NOT_ENROLLED',
  noAttendees: 'INTEGRATION_MEETING.NO_ATTENDEES',
  reviewDateInPast: 'RELAPSE_FLAG.REVIEW_DATE_IN_PAST',
  flagAlreadyRaised: 'RELAPSE_FLAG.ALREADY_RAISED',
  flagAlreadyOpen: 'RELAPSE_FLAG.ALREADY_OPEN',
  flagNotRaised: 'RELAPSE_FLAG.NOT_RAISED',
  treatmentAlreadyEnded: 'TREATMENT.ALREADY_ENDED',
  noTeam: 'TREATMENT.NO_TEAM',
  /** The clinician named is not a mental-health clinician on the participant's team today. */
  notATeamMember: 'TEAM.NOT_A_MEMBER',
} as const;
