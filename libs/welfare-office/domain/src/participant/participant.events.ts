import {
  ActionPlanProposedV1,
  ActionPlanWrittenV1,
  BenefitsCounsellingHeldV1,
  CareerProfileCreatedV1,
  ConsentGivenV1,
  ConsentWithdrawnV1,
  ContactDetailsChangedV1,
  EmployerContactMadeV1,
  ParticipantContactRecordedV1,
  ParticipantDischargedV1,
  ParticipantTransferredV1,
  ReferralWithdrawnV1,
} from '@ips/contracts';
import { DomainEvent } from '@ips/kernel';

/** Every event names its participant and when it was recorded (`at`, the command's time). */
type Recorded<T extends string, D> = DomainEvent<T, D & { readonly participantId: string; readonly at: string }>;

export type ParticipantReferred = DomainEvent<
  'ParticipantReferred',
  {
    readonly participantId: string;
    readonly givenName: string;
    readonly familyName: string;
    readonly birthDate: string;
    readonly referredBy: string;
    readonly reason: string | null;
    /** The team referred to; absent on referrals recorded before teams existed, which belong to `DEFAULT_TEAM_ID`. */
    readonly teamId?: string;
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

export type ReferralWithdrawn = Recorded<'ReferralWithdrawn', ReferralWithdrawnV1['data']>;
export type ConsentGiven = Recorded<'ConsentGiven', ConsentGivenV1['data']>;
export type ConsentWithdrawn = Recorded<'ConsentWithdrawn', ConsentWithdrawnV1['data']>;
export type CareerProfileCreated = Recorded<'CareerProfileCreated', CareerProfileCreatedV1['data']>;
export type CareerProfileUpdated = Recorded<'CareerProfileUpdated', CareerProfileCreatedV1['data']>;
export type ActionPlanWritten = Recorded<'ActionPlanWritten', ActionPlanWrittenV1['data']>;
/** The participant's own proposal for their plan, from their page; open until a plan records it or closes it. */
export type ActionPlanProposed = Recorded<'ActionPlanProposed', ActionPlanProposedV1['data']>;
export type BenefitsCounsellingHeld = Recorded<'BenefitsCounsellingHeld', BenefitsCounsellingHeldV1['data']>;
export type EmployerContactMade = Recorded<'EmployerContactMade', EmployerContactMadeV1['data']>;
export type ParticipantContactRecorded = Recorded<'ParticipantContactRecorded', ParticipantContactRecordedV1['data']>;
/** From `on`, the participant belongs to `toTeamId`; `fromTeamId` is the team they were in when it was recorded. */
export type ParticipantTransferred = Recorded<'ParticipantTransferred', ParticipantTransferredV1['data']>;
export type ParticipantDischarged = Recorded<'ParticipantDischarged', ParticipantDischargedV1['data']>;
export type ContactDetailsChanged = Recorded<'ContactDetailsChanged', ContactDetailsChangedV1['data']>;
/** The key is destroyed (before this is stored): the record's personal fields read as `[erased]` from now on. */
export type ParticipantErased = Recorded<'ParticipantErased', Record<never, never>>;

export type ParticipantEvent =
  | ParticipantReferred
  | ParticipantEnrolled
  | ReferralWithdrawn
  | ConsentGiven
  | ConsentWithdrawn
  | CareerProfileCreated
  | CareerProfileUpdated
  | ActionPlanWritten
  | ActionPlanProposed
  | BenefitsCounsellingHeld
  | EmployerContactMade
  | ParticipantContactRecorded
  | ParticipantTransferred
  | ParticipantDischarged
  | ContactDetailsChanged
  | ParticipantErased;
