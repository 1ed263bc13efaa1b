import { DEFAULT_TEAM_ID, SharedEvent, WelfareOfficeSharedEvent } from '@ips/contracts';
import { assertNever } from '@ips/kernel';
import { ParticipantEvent } from './participant.events';

type Envelope = Pick<SharedEvent, 'id' | 'recordedBy'>;

/** What the other agencies learn from each welfare-office participant event (the published language). */
export function participantToShared(event: ParticipantEvent, envelope: Envelope): WelfareOfficeSharedEvent[] {
  const shared = { ...envelope, version: 1, source: 'welfare-office' } as const;
  switch (event.type) {
    case 'ParticipantReferred': {
      const { participantId, givenName, familyName, birthDate, referredBy, reason, teamId, referredAt } = event.data;
      return [
        {
          ...shared,
          type: 'ParticipantReferred',
          version: 2,
          participantId,
          occurredAt: referredAt,
          data: { givenName, familyName, birthDate, referredBy, ...(reason === null ? {} : { reason }), teamId: teamId ?? DEFAULT_TEAM_ID },
        },
      ];
    }
    case 'ParticipantEnrolled': {
      const { participantId, employmentSpecialistId, contactPersonId, enrolledAt } = event.data;
      return [
        {
          ...shared,
          type: 'ParticipantEnrolled',
          participantId,
          occurredAt: enrolledAt,
          data: { employmentSpecialistId, contactPersonId },
        },
      ];
    }
    case 'ReferralWithdrawn':
    case 'ConsentGiven':
    case 'ConsentWithdrawn':
    case 'CareerProfileCreated':
    case 'CareerProfileUpdated':
    case 'ActionPlanWritten':
    case 'ActionPlanProposed':
    case 'BenefitsCounsellingHeld':
    case 'EmployerContactMade':
    case 'ParticipantContactRecorded':
    case 'ParticipantTransferred':
    case 'ParticipantDischarged':
    case 'ContactDetailsChanged':
    case 'ParticipantErased': {
      // These carry their contract's fields one to one, plus who and when.
      const { participantId, at, ...data } = event.data;
      return [{ ...shared, type: event.type, participantId, occurredAt: at, data } as WelfareOfficeSharedEvent];
    }
    default:
      return assertNever(event);
  }
}
