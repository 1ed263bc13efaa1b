import { Aggregate, assertNever } from '@ips/kernel';
import { ParticipantCareEvent, RelapseFlagFields } from './participant-care.events';

export type Treatment =
  | { readonly status: 'NoTeam' }
  | { readonly status: 'Linked'; readonly teamName: string; readonly clinicianId: string }
  | { readonly status: 'Ended'; readonly endedOn: string };

/** Cleared flags stay known so their ids are never reused. */
export type RelapseFlag = ({ readonly status: 'Open' } & RelapseFlagFields) | { readonly status: 'Cleared'; readonly flagId: string };

export interface Care {
  readonly participantId: string;
  readonly enrolledAt: string;
  readonly treatment: Treatment;
  readonly relapseFlags: Readonly<Record<string, RelapseFlag>>;
}

export type ParticipantCareState =
  { readonly status: 'NotEnrolled' } | ({ readonly status: 'Enrolled' } & Care) | ({ readonly status: 'Discharged'; readonly dischargedAt: string } & Care);

export type EnrolledCare = Extract<ParticipantCareState, { status: 'Enrolled' }>;
export type OpenRelapseFlag = Extract<RelapseFlag, { status: 'Open' }>;

export const initialParticipantCareState: ParticipantCareState = { status: 'NotEnrolled' };

const withCare = (state: ParticipantCareState, change: (care: Care) => Partial<Care>): ParticipantCareState =>
  state.status === 'NotEnrolled' ? state : { ...state, ...change(state) };

const withFlag = (state: ParticipantCareState, flag: RelapseFlag): ParticipantCareState =>
  withCare(state, (care) => ({ relapseFlags: { ...care.relapseFlags, [flag.flagId]: flag } }));

export function evolveParticipantCare(state: ParticipantCareState, event: ParticipantCareEvent): ParticipantCareState {
  switch (event.type) {
    case 'EnrolmentNoted':
      return {
        status: 'Enrolled',
        participantId: event.data.participantId,
        enrolledAt: event.data.at,
        treatment: { status: 'NoTeam' },
        relapseFlags: {},
      };
    case 'DischargeNoted':
      return state.status === 'Enrolled' ? { ...state, status: 'Discharged', dischargedAt: event.data.at } : state;
    case 'TreatmentTeamLinked': {
      const { teamName, clinicianId } = event.data;
      return withCare(state, () => ({ treatment: { status: 'Linked', teamName, clinicianId } }));
    }
    case 'IntegrationMeetingHeld':
      return state;
    case 'RelapseRiskFlagRaised':
    case 'RelapseRiskFlagChanged': {
      const { flagId, level, reviewBy, actions } = event.data;
      return withFlag(state, { status: 'Open', flagId, level, reviewBy, actions });
    }
    case 'RelapseRiskFlagCleared':
      return withFlag(state, { status: 'Cleared', flagId: event.data.flagId });
    case 'TreatmentEnded':
      return withCare(state, () => ({ treatment: { status: 'Ended', endedOn: event.data.endedOn } }));
    default:
      return assertNever(event);
  }
}

export const participantCareAggregate: Aggregate<ParticipantCareState, ParticipantCareEvent> = {
  category: 'mental-health.participant-care',
  initialState: initialParticipantCareState,
  evolve: evolveParticipantCare,
};
