import { Aggregate, assertNever } from '@ips/kernel';
import { DischargeReason, ParticipantEmploymentEvent, PlacementEndReason } from './participant-employment.events';

interface PlacementDetails {
  readonly placementId: string;
  readonly employerId: string;
  readonly jobTitle: string;
  readonly startDate: string;
  readonly hoursPerWeek: number;
  readonly hourlyWage: number;
}

export type Placement =
  | (PlacementDetails & { readonly status: 'Active' })
  | (PlacementDetails & { readonly status: 'Ended'; readonly endDate: string; readonly reason: PlacementEndReason });

export type Placements = Readonly<Record<string, Placement>>;

/**
 * What the team has told this service about employers and the participant, noted from the welfare office's
 * shared events: ids, a flag and a time, nothing personal (so nothing to erase).
 */
export interface EmployerLinks {
  /** Employers the employment specialist has contacted for the participant. */
  readonly employerIds: readonly string[];
  /** The participant's consent in force lets employers be told; false without a consent and once withdrawn. */
  readonly disclosed: boolean;
  /** When the consent noted last was given or withdrawn; null before any. */
  readonly consentedAt: string | null;
}

export const noEmployerLinks: EmployerLinks = { employerIds: [], disclosed: false, consentedAt: null };

export type ParticipantEmploymentState =
  | { readonly status: 'NotEnrolled'; readonly links: EmployerLinks }
  | {
      readonly status: 'Enrolled';
      readonly participantId: string;
      readonly employmentSpecialistId: string;
      readonly enrolledAt: string;
      readonly placements: Placements;
      readonly links: EmployerLinks;
    }
  | {
      readonly status: 'Discharged';
      readonly participantId: string;
      /** The specialist they had: the employer line still routes to their team while the job goes on. */
      readonly employmentSpecialistId: string | null;
      readonly dischargedAt: string;
      readonly reason: DischargeReason;
      readonly placements: Placements;
      readonly links: EmployerLinks;
    };

export const initialParticipantEmploymentState: ParticipantEmploymentState = { status: 'NotEnrolled', links: noEmployerLinks };

export function placementOf(state: ParticipantEmploymentState, placementId: string): Placement | undefined {
  if (state.status === 'NotEnrolled' || !Object.hasOwn(state.placements, placementId)) return undefined;
  return state.placements[placementId];
}

/** The participant's employment specialist, also after a discharge; null when never enrolled here. */
export const employmentSpecialistOf = (state: ParticipantEmploymentState): string | null =>
  state.status === 'NotEnrolled' ? null : state.employmentSpecialistId;

const placementsOf = (state: ParticipantEmploymentState): Placements => (state.status === 'NotEnrolled' ? {} : state.placements);

/**
 * May an employer record a job start for this participant: enrolled, linked to that employer by the team, and
 * under a consent that discloses to employers.
 */
export const employerMayStartPlacement = (state: ParticipantEmploymentState, employerId: string): boolean =>
  state.status === 'Enrolled' && state.links.disclosed && state.links.employerIds.includes(employerId);

const withLinks = (state: ParticipantEmploymentState, links: Partial<EmployerLinks>): ParticipantEmploymentState => ({
  ...state,
  links: { ...state.links, ...links },
});

function withPlacement(state: ParticipantEmploymentState, placement: Placement): ParticipantEmploymentState {
  return state.status === 'NotEnrolled' ? state : { ...state, placements: { ...state.placements, [placement.placementId]: placement } };
}

function updatePlacement(state: ParticipantEmploymentState, placementId: string, update: (placement: Placement) => Placement): ParticipantEmploymentState {
  const placement = placementOf(state, placementId);
  return placement ? withPlacement(state, update(placement)) : state;
}

export function evolveParticipantEmployment(state: ParticipantEmploymentState, event: ParticipantEmploymentEvent): ParticipantEmploymentState {
  switch (event.type) {
    case 'EnrolmentNoted':
      return { status: 'Enrolled', ...event.data, placements: placementsOf(state), links: state.links };
    case 'DischargeNoted':
      return {
        status: 'Discharged',
        ...event.data,
        employmentSpecialistId: employmentSpecialistOf(state),
        placements: placementsOf(state),
        links: state.links,
      };
    case 'EmployerLinkNoted':
      return withLinks(state, { employerIds: [...state.links.employerIds, event.data.employerId] });
    case 'EmployerDisclosureNoted':
      return withLinks(state, { disclosed: event.data.employerDisclosure, consentedAt: event.data.consentedAt });
    case 'PlacementStarted': {
      const { placementId, employerId, jobTitle, startDate, hoursPerWeek, hourlyWage } = event.data;
      return withPlacement(state, {
        status: 'Active',
        placementId,
        employerId,
        jobTitle,
        startDate,
        hoursPerWeek,
        hourlyWage,
      });
    }
    case 'FollowAlongContactMade':
      return state;
    case 'PlacementTermsChanged': {
      const { placementId, hoursPerWeek, hourlyWage } = event.data;
      return updatePlacement(state, placementId, (placement) => ({ ...placement, hoursPerWeek, hourlyWage }));
    }
    case 'PlacementEnded': {
      const { placementId, endDate, reason } = event.data;
      return updatePlacement(state, placementId, (placement) => ({ ...placement, status: 'Ended', endDate, reason }));
    }
    default:
      return assertNever(event);
  }
}

export const participantEmploymentAggregate: Aggregate<ParticipantEmploymentState, ParticipantEmploymentEvent> = {
  category: 'employer.participant-employment',
  initialState: initialParticipantEmploymentState,
  evolve: evolveParticipantEmployment,
};
