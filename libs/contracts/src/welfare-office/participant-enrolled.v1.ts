import { EventContract, SharedEvent } from '../shared-event';

export const participantEnrolledV1 = {
  type: 'ParticipantEnrolled',
  version: 1,
  publisher: 'welfare-office',
  audience: 'sharing-circle',
  description: "The participant is on an employment specialist's caseload, with a fixed contact person at the welfare office.",
  fields: {
    employmentSpecialistId: { rule: { kind: 'text', maxLength: 200 }, description: 'subject id of the employment specialist' },
    contactPersonId: { rule: { kind: 'text', maxLength: 200 }, description: 'subject id of the fixed welfare-office contact person' },
  },
} as const satisfies EventContract;

export type ParticipantEnrolledV1 = SharedEvent<
  'ParticipantEnrolled',
  { employmentSpecialistId: string; contactPersonId: string }
>;
