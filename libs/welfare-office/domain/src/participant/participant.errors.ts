export const ParticipantErrors = {
  notFound: 'PARTICIPANT.NOT_FOUND',
  alreadyReferred: 'PARTICIPANT.ALREADY_REFERRED',
  alreadyEnrolled: 'PARTICIPANT.ALREADY_ENROLLED',
} as const;
