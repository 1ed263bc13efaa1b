import { Aggregate, assertNever } from '@ips/kernel';
import { OnCallRole, OnCallRosterEvent } from './on-call-roster.events';

export interface OnCallShift {
  readonly shiftId: string;
  readonly workerId: string;
  readonly role: OnCallRole;
  readonly from: string;
  readonly to: string;
  readonly cancelled: boolean;
}

/**
 * A team's on-call roster (`employer.on-call-roster-<teamId>`). `Defined`: an on-call team defined by
 * PUT /employer/on-call/teams/:teamId before the programme's teams (its own name, zone and specialists), with its
 * shifts. `Rostered`: shifts on a programme team (decision 27), whose name, zone and members are the programme's and
 * come with each command; nothing of them is kept here. Both are read the same way by routing.
 */
export type OnCallRosterState =
  | { readonly status: 'Undefined' }
  | {
      readonly status: 'Defined';
      readonly teamId: string;
      readonly name: string;
      readonly timeZone: string;
      readonly employmentSpecialistIds: readonly string[];
      readonly shifts: Readonly<Record<string, OnCallShift>>;
    }
  | { readonly status: 'Rostered'; readonly teamId: string; readonly shifts: Readonly<Record<string, OnCallShift>> };

export type DefinedRoster = Extract<OnCallRosterState, { status: 'Defined' }>;
/** A roster with shifts or a definition: anything but `Undefined`. */
export type KnownRoster = Exclude<OnCallRosterState, { status: 'Undefined' }>;

export const initialOnCallRosterState: OnCallRosterState = { status: 'Undefined' };

export const shiftsOf = (state: OnCallRosterState): readonly OnCallShift[] => (state.status === 'Undefined' ? [] : Object.values(state.shifts));

export const findOnCallShift = (state: OnCallRosterState, shiftId: string): OnCallShift | undefined =>
  shiftsOf(state).find((shift) => shift.shiftId === shiftId);

const withShift = (state: OnCallRosterState, teamId: string, shift: OnCallShift): OnCallRosterState =>
  state.status === 'Undefined'
    ? { status: 'Rostered', teamId, shifts: { [shift.shiftId]: shift } }
    : { ...state, shifts: { ...state.shifts, [shift.shiftId]: shift } };

export function evolveOnCallRoster(state: OnCallRosterState, event: OnCallRosterEvent): OnCallRosterState {
  switch (event.type) {
    case 'OnCallTeamDefined': {
      const { teamId, name, timeZone, employmentSpecialistIds } = event.data;
      const shifts = state.status === 'Undefined' ? {} : state.shifts;
      return { status: 'Defined', teamId, name, timeZone, employmentSpecialistIds, shifts };
    }
    case 'OnCallShiftScheduled': {
      const { teamId, shiftId, workerId, role, from, to } = event.data;
      return withShift(state, teamId, { shiftId, workerId, role, from, to, cancelled: false });
    }
    case 'OnCallShiftCancelled': {
      const shift = findOnCallShift(state, event.data.shiftId);
      return shift ? withShift(state, event.data.teamId, { ...shift, cancelled: true }) : state;
    }
    default:
      return assertNever(event);
  }
}

export const onCallRosterAggregate: Aggregate<OnCallRosterState, OnCallRosterEvent> = {
  category: 'employer.on-call-roster',
  initialState: initialOnCallRosterState,
  evolve: evolveOnCallRoster,
};
