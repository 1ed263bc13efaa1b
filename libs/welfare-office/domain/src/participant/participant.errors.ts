export const ParticipantErrors = {
  notFound: 'PARTICIPANT.NOT_FOUND',
  erased: 'PARTICIPANT.ERASED',
  alreadyReferred: 'PARTICIPANT.ALREADY_REFERRED',
  alreadyEnrolled: 'PARTICIPANT.ALREADY_ENROLLED',
  notEnrolled: 'PARTICIPANT.NOT_ENROLLED',
  referralClosed: 'PARTICIPANT.REFERRAL_CLOSED',
  alreadyDischarged: 'PARTICIPANT.ALREADY_DISCHARGED',
  /** The participant's time in IPS ended: nothing more is proposed for a plan that nobody will follow up. */
  discharged: 'PARTICIPANT.DISCHARGED',
  /** A plan names a proposal the participant never made. */
  proposalNotFound: 'ACTION_PLAN.PROPOSAL_NOT_FOUND',
  /** A plan names a proposal that a plan already recorded, or that a later plan, proposal or the discharge closed. */
  proposalClosed: 'ACTION_PLAN.PROPOSAL_CLOSED',
  /** A referral of someone with the same name and birth date is already on one of the referrer's teams. */
  possibleDuplicate: 'REFERRAL.POSSIBLE_DUPLICATE',
  noConsent: 'CONSENT.NONE',
  disclosureWithoutEmployer: 'CONSENT.DISCLOSURE_WITHOUT_EMPLOYER',
  profileExists: 'CAREER_PROFILE.ALREADY_CREATED',
  noProfile: 'CAREER_PROFILE.NOT_CREATED',
  dateInFuture: 'DATE.IN_FUTURE',
  dischargeReasonNotAllowed: 'DISCHARGE.REASON_NOT_ALLOWED',
  teamNotFound: 'TEAM.NOT_FOUND',
  /** A referral names no team though the programme defined one: the HTTP edge answers it as bad input on `teamId` (400). */
  teamRequired: 'REFERRAL.TEAM_REQUIRED',
  /** A named person (specialist, contact person) is not a current member of the participant's team in the role the field asks for. */
  notATeamMember: 'TEAM.NOT_A_MEMBER',
  sameTeam: 'TEAM.SAME_TEAM',
  transferDateOutOfRange: 'TRANSFER.DATE_OUT_OF_RANGE',
} as const;
