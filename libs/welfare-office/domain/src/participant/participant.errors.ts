export const ParticipantErrors = {
  notFound: 'PARTICIPANT.NOT_FOUND',
  erased: 'PARTICIPANT.ERASED',
  alreadyReferred: 'PARTICIPANT.ALREADY_REFERRED',
  alreadyEnrolled: 'PARTICIPANT.ALREADY_ENROLLED',
  notEnrolled: 'PARTICIPANT.NOT_ENROLLED',
  referralClosed: 'PARTICIPANT.REFERRAL_CLOSED',
  alreadyDischarged: 'PARTICIPANT.ALREADY_DISCHARGED',
  noConsent: 'CONSENT.NONE',
  profileExists: 'CAREER_PROFILE.ALREADY_CREATED',
  noProfile: 'CAREER_PROFILE.NOT_CREATED',
  dateInFuture: 'DATE.IN_FUTURE',
  dischargeReasonNotAllowed: 'DISCHARGE.REASON_NOT_ALLOWED',
} as const;
