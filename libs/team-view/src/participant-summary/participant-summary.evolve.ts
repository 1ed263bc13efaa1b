import { Agency, KnownSharedEvent, SharedEvent } from '@ips/contracts';

export type Phase = 'referred' | 'enrolled' | 'job-search' | 'employed' | 'follow-along' | 'discharged';

export interface AgencyContacts {
  readonly 'welfare-office'?: { readonly employmentSpecialistId: string; readonly contactPersonId: string };
}

export interface ParticipantSummary {
  readonly participantId: string;
  readonly phase: Phase;
  readonly name: { readonly givenName: string; readonly familyName: string } | null;
  readonly birthDate: string | null;
  readonly referredAt: string | null;
  readonly referredBy: string | null;
  readonly enrolledAt: string | null;
  readonly contacts: AgencyContacts;
  readonly relapseRisk: { readonly level: string; readonly reviewBy: string } | null;
  readonly placement: Record<string, unknown> | null;
  readonly firstEmployerContactAt: string | null;
  /** Agencies whose entries this reader saw: the summary is built from those alone. */
  readonly basedOn: readonly Agency[];
}

export const emptySummary = (participantId: string): ParticipantSummary => ({
  participantId,
  phase: 'referred',
  name: null,
  birthDate: null,
  referredAt: null,
  referredBy: null,
  enrolledAt: null,
  contacts: {},
  relapseRisk: null,
  placement: null,
  firstEmployerContactAt: null,
  basedOn: [],
});

/** Pure: the summary after one more shared event. Event types it does not know leave it as it was. */
export function evolveSummary(summary: ParticipantSummary, event: SharedEvent): ParticipantSummary {
  const seen = summary.basedOn.includes(event.source) ? summary : { ...summary, basedOn: [...summary.basedOn, event.source] };
  const known = event as KnownSharedEvent;
  switch (known.type) {
    case 'ParticipantReferred':
      return {
        ...seen,
        name: { givenName: known.data.givenName, familyName: known.data.familyName },
        birthDate: known.data.birthDate,
        referredAt: known.occurredAt,
        referredBy: known.data.referredBy,
      };
    case 'ParticipantEnrolled':
      return {
        ...seen,
        phase: 'enrolled',
        enrolledAt: known.occurredAt,
        contacts: {
          ...seen.contacts,
          'welfare-office': {
            employmentSpecialistId: known.data.employmentSpecialistId,
            contactPersonId: known.data.contactPersonId,
          },
        },
      };
    default:
      return seen;
  }
}
