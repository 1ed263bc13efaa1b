export const ParticipantServicesErrors = {
  contactUnchanged: 'MUNICIPAL_CONTACT.UNCHANGED',
  serviceAlreadyGranted: 'SERVICE.ALREADY_GRANTED',
  serviceKindAlreadyActive: 'SERVICE.KIND_ALREADY_ACTIVE',
  serviceNotFound: 'SERVICE.NOT_FOUND',
  serviceAlreadyEnded: 'SERVICE.ALREADY_ENDED',
  serviceEndBeforeStart: 'SERVICE.END_BEFORE_START',
} as const;
