import { Aggregate, assertNever } from '@ips/utils';
import { OnCallRole, OnCallRosterEvent } from './on-call-roster.events';

export interface OnCallShift {
  readonly shiftId: string;
  readonly workerId: string;
  readonly role: OnCallRole;
  readonly from: string;
  readonly to: string;
  readonly cancelled: boolean;
}

export type OnCallRosterState =
  | { readonly status: 'Undefined' }
  | {
      readonly status: 'Defined';
      readonly teamId: string;
      readonly name: string;
      readonly timeZone: string;
      readonly employmentSpecialistIds: readonly string[];
      readonly shifts: Readonly<Record<string, OnCallShift>>;
    };

export type DefinedRoster = Extract<OnCallRosterState, { status: 'Defined' }>;

export const initialOnCallRosterState: OnCallRosterState = { status: 'Undefined' };

export const shiftsOf = (state: OnCallRosterState): readonly OnCallShift[] =>
  state.status === 'Defined' ? Object.values(state.shifts) : [];

export const findOnCallShift = (state: OnCallRosterState, shiftId: string): OnCallShift | undefined =>
  shiftsOf(state).find((shift) => shift.shiftId === shiftId);

const withShift = (state: OnCallRosterState, shift: OnCallShift): OnCallRosterState =>
  state.status === 'Defined' ? { ...state, shifts: { ...state.shifts, [shift.shiftId]: shift } } : state;

export function evolveOnCallRoster(state: OnCallRosterState, event: OnCallRosterEvent): OnCallRosterState {
  switch (event.type) {
    case 'OnCallTeamDefined': {
      const { teamId, name, timeZone, employmentSpecialistIds } = event.data;
      const shifts = state.status === 'Defined' ? state.shifts : {};
      return { status: 'Defined', teamId, name, timeZone, employmentSpecialistIds, shifts };
    }
    case 'OnCallShiftScheduled': {
      const { shiftId, workerId, role, from, to } = event.data;
      return withShift(state, { shiftId, workerId, role, from, to, cancelled: false });
    }
    case 'OnCallShiftCancelled': {
      const shift = findOnCallShift(state, event.data.shiftId);
      return shift ? withShift(state, { ...shift, cancelled: true }) : state;
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
