import { DomainEvent } from '@ips/utils';

export type ParticipantReferred = DomainEvent<
  'ParticipantReferred',
  {
    readonly participantId: string;
    readonly givenName: string;
    readonly familyName: string;
    readonly birthDate: string;
    readonly referredBy: string;
    readonly reason: string | null;
    readonly referredAt: string;
  }
>;

export type ParticipantEnrolled = DomainEvent<
  'ParticipantEnrolled',
  {
    readonly participantId: string;
    readonly employmentSpecialistId: string;
    readonly contactPersonId: string;
    readonly enrolledAt: string;
  }
>;

export type ParticipantEvent = ParticipantReferred | ParticipantEnrolled;
