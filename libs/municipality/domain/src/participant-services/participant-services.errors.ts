export const ParticipantServicesErrors = {
  contactUnchanged: 'MUNICIPAL_CONTACT.UNCHANGED',
  /** The contact person named is not a municipal worker on the participant's team today. */
  notATeamMember: 'TEAM.NOT_A_MEMBER',
  serviceAlreadyGranted: 'SERVICE.ALREADY_GRANTED',
  serviceKindAlreadyActive: 'SERVICE.KIND_ALREADY_ACTIVE',
  serviceNotFound: 'SERVICE.NOT_FOUND',
  serviceAlreadyEnded: 'SERVICE.ALREADY_ENDED',
  serviceEndBeforeStart: 'SERVICE.END_BEFORE_START',
} as const;
