import { Aggregate, assertNever } from '@ips/utils';
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

export type ParticipantEmploymentState =
  | { readonly status: 'NotEnrolled' }
  | {
      readonly status: 'Enrolled';
      readonly participantId: string;
      readonly employmentSpecialistId: string;
      readonly enrolledAt: string;
      readonly placements: Placements;
    }
  | {
      readonly status: 'Discharged';
      readonly participantId: string;
      /** The specialist they had: the employer line still routes to their team while the job goes on. */
      readonly employmentSpecialistId: string | null;
      readonly dischargedAt: string;
      readonly reason: DischargeReason;
      readonly placements: Placements;
    };

export const initialParticipantEmploymentState: ParticipantEmploymentState = { status: 'NotEnrolled' };

export function placementOf(state: ParticipantEmploymentState, placementId: string): Placement | undefined {
  if (state.status === 'NotEnrolled' || !Object.hasOwn(state.placements, placementId)) return undefined;
  return state.placements[placementId];
}

/** The participant's employment specialist, also after a discharge; null when never enrolled here. */
export const employmentSpecialistOf = (state: ParticipantEmploymentState): string | null =>
  state.status === 'NotEnrolled' ? null : state.employmentSpecialistId;

const placementsOf = (state: ParticipantEmploymentState): Placements =>
  state.status === 'NotEnrolled' ? {} : state.placements;

function withPlacement(state: ParticipantEmploymentState, placement: Placement): ParticipantEmploymentState {
  return state.status === 'NotEnrolled'
    ? state
    : { ...state, placements: { ...state.placements, [placement.placementId]: placement } };
}

function updatePlacement(
  state: ParticipantEmploymentState,
  placementId: string,
  update: (placement: Placement) => Placement,
): ParticipantEmploymentState {
  const placement = placementOf(state, placementId);
  return placement ? withPlacement(state, update(placement)) : state;
}

export function evolveParticipantEmployment(
  state: ParticipantEmploymentState,
  event: ParticipantEmploymentEvent,
): ParticipantEmploymentState {
  switch (event.type) {
    case 'EnrolmentNoted':
      return { status: 'Enrolled', ...event.data, placements: placementsOf(state) };
    case 'DischargeNoted':
      return {
        status: 'Discharged',
        ...event.data,
        employmentSpecialistId: employmentSpecialistOf(state),
        placements: placementsOf(state),
      };
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
