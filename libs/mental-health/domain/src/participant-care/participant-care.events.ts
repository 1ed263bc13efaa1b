import { DISCHARGE_REASONS, RELAPSE_RISK_LEVELS } from '@ips/contracts';
import { DomainEvent } from '@ips/kernel';

export type RelapseRiskLevel = (typeof RELAPSE_RISK_LEVELS)[number];
export type DischargeReason = (typeof DISCHARGE_REASONS)[number];

/** Every event names the participant and `at`, the instant the command was recorded. */
type Data<D> = D & { readonly participantId: string; readonly at: string };

export type EnrolmentNoted = DomainEvent<'EnrolmentNoted', Data<{ readonly employmentSpecialistId: string }>>;

export type DischargeNoted = DomainEvent<'DischargeNoted', Data<{ readonly reason: DischargeReason }>>;

export type TreatmentTeamLinked = DomainEvent<'TreatmentTeamLinked', Data<{ readonly teamName: string; readonly clinicianId: string }>>;

export type IntegrationMeetingHeld = DomainEvent<
  'IntegrationMeetingHeld',
  Data<{ readonly heldOn: string; readonly attendees: readonly string[]; readonly decisions: readonly string[] }>
>;

export interface RelapseFlagFields {
  readonly flagId: string;
  readonly level: RelapseRiskLevel;
  readonly reviewBy: string;
  readonly actions: readonly string[];
}

export type RelapseRiskFlagRaised = DomainEvent<'RelapseRiskFlagRaised', Data<RelapseFlagFields>>;

export type RelapseRiskFlagChanged = DomainEvent<'RelapseRiskFlagChanged', Data<RelapseFlagFields>>;

export type RelapseRiskFlagCleared = DomainEvent<'RelapseRiskFlagCleared', Data<{ readonly flagId: string; readonly reason: string | null }>>;

export type TreatmentEnded = DomainEvent<'TreatmentEnded', Data<{ readonly endedOn: string; readonly reason: string | null }>>;

export type ParticipantCareEvent =
  | EnrolmentNoted
  | DischargeNoted
  | TreatmentTeamLinked
  | IntegrationMeetingHeld
  | RelapseRiskFlagRaised
  | RelapseRiskFlagChanged
  | RelapseRiskFlagCleared
  | TreatmentEnded;
