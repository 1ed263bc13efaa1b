import { DISCHARGE_REASONS, PLACEMENT_END_REASONS } from '@ips/contracts';
import { DomainEvent } from '@ips/kernel';

export type DischargeReason = (typeof DISCHARGE_REASONS)[number];
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];
export type FollowAlongWith = 'worker' | 'employer' | 'both';

export type EnrolmentNoted = DomainEvent<
  'EnrolmentNoted',
  { readonly participantId: string; readonly employmentSpecialistId: string; readonly enrolledAt: string }
>;

export type DischargeNoted = DomainEvent<'DischargeNoted', { readonly participantId: string; readonly reason: DischargeReason; readonly dischargedAt: string }>;

/**
 * The employment specialist contacted this employer for the participant (the welfare office's EmployerContactMade):
 * the team has linked them. Ids only: the contact's note stays with the welfare office.
 */
export type EmployerLinkNoted = DomainEvent<'EmployerLinkNoted', { readonly participantId: string; readonly employerId: string; readonly linkedAt: string }>;

/**
 * Whether the participant's consent in force lets employers be told (the welfare office's ConsentGiven and
 * ConsentWithdrawn). `consentedAt` is when that consent was given or withdrawn there.
 */
export type EmployerDisclosureNoted = DomainEvent<
  'EmployerDisclosureNoted',
  { readonly participantId: string; readonly employerDisclosure: boolean; readonly consentedAt: string }
>;

/** `recordedAt` is the command's time; it becomes the shared event's `occurredAt`. */
interface PlacementFact {
  readonly participantId: string;
  readonly placementId: string;
  readonly employerId: string;
  readonly recordedAt: string;
}

export type PlacementStarted = DomainEvent<
  'PlacementStarted',
  PlacementFact & {
    readonly jobTitle: string;
    readonly startDate: string;
    readonly hoursPerWeek: number;
    readonly hourlyWage: number;
  }
>;

export type FollowAlongContactMade = DomainEvent<
  'FollowAlongContactMade',
  PlacementFact & { readonly contactedOn: string; readonly with: FollowAlongWith; readonly note: string | null }
>;

export type PlacementTermsChanged = DomainEvent<
  'PlacementTermsChanged',
  PlacementFact & { readonly effectiveFrom: string; readonly hoursPerWeek: number; readonly hourlyWage: number }
>;

export type PlacementEnded = DomainEvent<
  'PlacementEnded',
  PlacementFact & { readonly endDate: string; readonly reason: PlacementEndReason; readonly note: string | null }
>;

export type ParticipantEmploymentEvent =
  | EnrolmentNoted
  | DischargeNoted
  | EmployerLinkNoted
  | EmployerDisclosureNoted
  | PlacementStarted
  | FollowAlongContactMade
  | PlacementTermsChanged
  | PlacementEnded;
