import { ParticipantEnrolledV1, ParticipantReferredV1 } from '@ips/contracts';
import { assertNever } from '@ips/utils';
import { ParticipantEvent } from './participant.events';

type SharedParticipantEvent = ParticipantReferredV1 | ParticipantEnrolledV1;
type Envelope = Pick<SharedParticipantEvent, 'id' | 'recordedBy'>;

/** What the other agencies learn from each welfare-office participant event (the published language). */
export function participantToShared(event: ParticipantEvent, envelope: Envelope): SharedParticipantEvent[] {
  switch (event.type) {
    case 'ParticipantReferred': {
      const { participantId, givenName, familyName, birthDate, referredBy, reason, referredAt } = event.data;
      return [
        {
          ...envelope,
          type: 'ParticipantReferred',
          version: 1,
          source: 'welfare-office',
          participantId,
          occurredAt: referredAt,
          data: { givenName, familyName, birthDate, referredBy, ...(reason === null ? {} : { reason }) },
        },
      ];
    }
    case 'ParticipantEnrolled': {
      const { participantId, employmentSpecialistId, contactPersonId, enrolledAt } = event.data;
      return [
        {
          ...envelope,
          type: 'ParticipantEnrolled',
          version: 1,
          source: 'welfare-office',
          participantId,
          occurredAt: enrolledAt,
          data: { employmentSpecialistId, contactPersonId },
        },
      ];
    }
    default:
      return assertNever(event);
  }
}
