import { Agency, KnownSharedEvent, SharedEvent, teamOfReferral } from '@ips/contracts';

export type Phase = 'referred' | 'referral-withdrawn' | 'enrolled' | 'job-search' | 'employed' | 'follow-along' | 'discharged';

export interface AgencyContacts {
  readonly 'welfare-office'?: { readonly employmentSpecialistId: string; readonly contactPersonId: string };
  readonly 'mental-health'?: { readonly teamName: string; readonly clinicianId: string };
  readonly municipality?: { readonly contactPersonId: string };
  readonly employer?: { readonly employerId: string };
}

export interface CurrentPlacement {
  readonly placementId: string;
  readonly employerId: string;
  readonly jobTitle: string;
  readonly startDate: string;
  readonly hoursPerWeek: number;
  readonly hourlyWage: number;
}

export interface ParticipantSummary {
  readonly participantId: string;
  readonly phase: Phase;
  readonly name: { readonly givenName: string; readonly familyName: string } | null;
  readonly birthDate: string | null;
  /** How the team reaches the participant; fields read `[erased]` after erasure. */
  readonly contactDetails: { readonly phone?: string; readonly email?: string } | null;
  /** When the participant's personal data was erased, if it was. */
  readonly erasedAt: string | null;
  readonly referredAt: string | null;
  readonly referredBy: string | null;
  /** The IPS team the participant belongs to: the referral's (the default team's before teams existed), then each transfer's. */
  readonly teamId: string | null;
  readonly enrolledAt: string | null;
  readonly contacts: AgencyContacts;
  readonly relapseRisk: { readonly flagId: string; readonly level: string; readonly reviewBy: string } | null;
  readonly placement: CurrentPlacement | null;
  /** Other jobs held at the same time, if any. */
  readonly otherActivePlacements: readonly CurrentPlacement[];
  readonly firstEmployerContactOn: string | null;
  readonly dischargedAt: string | null;
  /** Agencies whose entries this reader saw: the summary is built from those alone. */
  readonly basedOn: readonly Agency[];
}

export const emptySummary = (participantId: string): ParticipantSummary => ({
  participantId,
  phase: 'referred',
  name: null,
  birthDate: null,
  contactDetails: null,
  erasedAt: null,
  referredAt: null,
  referredBy: null,
  teamId: null,
  enrolledAt: null,
  contacts: {},
  relapseRisk: null,
  placement: null,
  otherActivePlacements: [],
  firstEmployerContactOn: null,
  dischargedAt: null,
  basedOn: [],
});

const active = (summary: ParticipantSummary): CurrentPlacement[] => (summary.placement ? [summary.placement, ...summary.otherActivePlacements] : []);

const withPlacements = (summary: ParticipantSummary, placements: CurrentPlacement[]): ParticipantSummary => {
  const [latest, ...others] = [...placements].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return {
    ...summary,
    placement: latest ?? null,
    otherActivePlacements: others,
    contacts: { ...summary.contacts, employer: latest ? { employerId: latest.employerId } : undefined },
  };
};

/** Where the participant is in IPS; discharge is final, a job loss means searching again. */
const phaseAfter = (summary: ParticipantSummary, event: KnownSharedEvent): Phase => {
  if (summary.phase === 'discharged') return 'discharged';
  switch (event.type) {
    case 'ReferralWithdrawn':
      return 'referral-withdrawn';
    case 'ParticipantEnrolled':
      return 'enrolled';
    case 'EmployerContactMade':
    case 'ActionPlanWritten':
      return summary.phase === 'enrolled' ? 'job-search' : summary.phase;
    case 'PlacementStarted':
      return summary.phase === 'follow-along' ? 'follow-along' : 'employed';
    case 'FollowAlongContactMade':
      return summary.placement ? 'follow-along' : summary.phase;
    case 'PlacementEnded':
      return summary.placement || summary.otherActivePlacements.length > 0 ? summary.phase : 'job-search';
    case 'ParticipantDischarged':
      return 'discharged';
    default:
      return summary.phase;
  }
};

function apply(summary: ParticipantSummary, event: KnownSharedEvent): ParticipantSummary {
  switch (event.type) {
    case 'ParticipantReferred':
      return {
        ...summary,
        name: { givenName: event.data.givenName, familyName: event.data.familyName },
        birthDate: event.data.birthDate,
        referredAt: event.occurredAt,
        referredBy: event.data.referredBy,
        teamId: teamOfReferral(event),
      };
    case 'ParticipantTransferred':
      return { ...summary, teamId: event.data.toTeamId };
    case 'ParticipantEnrolled':
      return {
        ...summary,
        enrolledAt: event.occurredAt,
        contacts: {
          ...summary.contacts,
          'welfare-office': {
            employmentSpecialistId: event.data.employmentSpecialistId,
            contactPersonId: event.data.contactPersonId,
          },
        },
      };
    case 'EmployerContactMade': {
      const first = summary.firstEmployerContactOn;
      return first && first <= event.data.contactedOn ? summary : { ...summary, firstEmployerContactOn: event.data.contactedOn };
    }
    case 'ParticipantDischarged':
      return { ...summary, dischargedAt: event.occurredAt };
    case 'ContactDetailsChanged':
      return { ...summary, contactDetails: { ...event.data } };
    case 'ParticipantErased':
      return { ...summary, erasedAt: event.occurredAt };
    case 'TreatmentTeamLinked':
      return {
        ...summary,
        contacts: { ...summary.contacts, 'mental-health': { teamName: event.data.teamName, clinicianId: event.data.clinicianId } },
      };
    case 'RelapseRiskFlagRaised':
    case 'RelapseRiskFlagChanged':
      return { ...summary, relapseRisk: { flagId: event.data.flagId, level: event.data.level, reviewBy: event.data.reviewBy } };
    case 'RelapseRiskFlagCleared':
      return summary.relapseRisk?.flagId === event.data.flagId ? { ...summary, relapseRisk: null } : summary;
    case 'MunicipalContactAssigned':
      return { ...summary, contacts: { ...summary.contacts, municipality: { contactPersonId: event.data.contactPersonId } } };
    case 'PlacementStarted': {
      const { placementId, employerId, jobTitle, startDate, hoursPerWeek, hourlyWage } = event.data;
      return withPlacements(summary, [
        ...active(summary).filter((placement) => placement.placementId !== placementId),
        { placementId, employerId, jobTitle, startDate, hoursPerWeek, hourlyWage },
      ]);
    }
    case 'PlacementTermsChanged':
      return withPlacements(
        summary,
        active(summary).map((placement) =>
          placement.placementId === event.data.placementId
            ? { ...placement, hoursPerWeek: event.data.hoursPerWeek, hourlyWage: event.data.hourlyWage }
            : placement,
        ),
      );
    case 'PlacementEnded':
      return withPlacements(
        summary,
        active(summary).filter((placement) => placement.placementId !== event.data.placementId),
      );
    default:
      return summary;
  }
}

/** Pure: the summary after one more shared event. Event types it does not know leave it as it was. */
export function evolveSummary(summary: ParticipantSummary, event: SharedEvent): ParticipantSummary {
  const known = event as KnownSharedEvent;
  const seen = summary.basedOn.includes(event.source) ? summary : { ...summary, basedOn: [...summary.basedOn, event.source] };
  const next = apply(seen, known);
  return { ...next, phase: phaseAfter(next, known) };
}
