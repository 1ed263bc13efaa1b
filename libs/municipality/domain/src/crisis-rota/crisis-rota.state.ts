import { Aggregate, assertNever } from '@ips/kernel';
import { CrisisRotaEvent } from './crisis-rota.events';

export interface DutyShift {
  readonly shiftId: string;
  readonly workerId: string;
  readonly name: string;
  readonly phone: string;
  /** Inclusive. */
  readonly from: string;
  /** Exclusive, so back-to-back shifts hand over without a gap or a double. */
  readonly to: string;
  readonly cancelled: boolean;
}

export type CrisisRotaState =
  { readonly status: 'Unknown' } | { readonly status: 'Known'; readonly rotaId: string; readonly shifts: Readonly<Record<string, DutyShift>> };

type Known = Extract<CrisisRotaState, { status: 'Known' }>;

export const initialCrisisRotaState: CrisisRotaState = { status: 'Unknown' };

const known = (state: CrisisRotaState, rotaId: string): Known => (state.status === 'Known' ? state : { status: 'Known', rotaId, shifts: {} });

const withShift = (state: Known, shift: DutyShift): Known => ({
  ...state,
  shifts: { ...state.shifts, [shift.shiftId]: shift },
});

export function evolveCrisisRota(state: CrisisRotaState, event: CrisisRotaEvent): CrisisRotaState {
  const current = known(state, event.data.rotaId);
  switch (event.type) {
    case 'DutyScheduled': {
      const { shiftId, workerId, name, phone, from, to } = event.data;
      return withShift(current, { shiftId, workerId, name, phone, from, to, cancelled: false });
    }
    case 'DutyCancelled': {
      const shift = findShift(current, event.data.shiftId);
      return shift ? withShift(current, { ...shift, cancelled: true }) : current;
    }
    default:
      return assertNever(event);
  }
}

export function shiftsOf(state: CrisisRotaState): readonly DutyShift[] {
  switch (state.status) {
    case 'Unknown':
      return [];
    case 'Known':
      return Object.values(state.shifts);
    default:
      return assertNever(state);
  }
}

export const findShift = (state: CrisisRotaState, shiftId: string): DutyShift | undefined => shiftsOf(state).find((shift) => shift.shiftId === shiftId);

export const crisisRotaAggregate: Aggregate<CrisisRotaState, CrisisRotaEvent> = {
  category: 'municipality.crisis-rota',
  initialState: initialCrisisRotaState,
  evolve: evolveCrisisRota,
};
