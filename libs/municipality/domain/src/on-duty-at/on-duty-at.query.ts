import { CrisisRotaState, shiftsOf } from '../crisis-rota/crisis-rota.state';

export interface OnDutyWorker {
  readonly workerId: string;
  readonly name: string;
  readonly phone: string;
}

/** Who to call at `instant`: shifts that have started (inclusive) and not yet ended (exclusive), not cancelled. */
export function onDutyAt(state: CrisisRotaState, instant: string): OnDutyWorker[] {
  const at = Date.parse(instant);
  return shiftsOf(state)
    .filter((shift) => !shift.cancelled && Date.parse(shift.from) <= at && at < Date.parse(shift.to))
    .sort((a, b) => Date.parse(a.from) - Date.parse(b.from))
    .map(({ workerId, name, phone }) => ({ workerId, name, phone }));
}

/** A shift on the rota as its screen lists it. */
export interface RotaShift extends OnDutyWorker {
  readonly shiftId: string;
  readonly from: string;
  readonly to: string;
}

/** The shifts not over at `instant` (the one on now included), not cancelled, earliest first: the rota ahead. */
export function shiftsAhead(state: CrisisRotaState, instant: string): RotaShift[] {
  const at = Date.parse(instant);
  return shiftsOf(state)
    .filter((shift) => !shift.cancelled && at < Date.parse(shift.to))
    .sort((a, b) => Date.parse(a.from) - Date.parse(b.from))
    .map(({ shiftId, workerId, name, phone, from, to }) => ({ shiftId, workerId, name, phone, from, to }));
}
