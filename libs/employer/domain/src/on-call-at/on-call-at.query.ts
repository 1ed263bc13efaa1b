import { OnCallRole } from '../on-call-roster/on-call-roster.events';
import { OnCallRosterState, OnCallShift, shiftsOf } from '../on-call-roster/on-call-roster.state';

/** Who of the team is on call, per role (a worker id, or null). */
export type TeamOnCall = Readonly<Record<OnCallRole, string | null>>;

/** Shifts not cancelled that cover `instant`: from their start (inclusive) to their end (exclusive), earliest first. */
export function shiftsCovering(state: OnCallRosterState, instant: string): OnCallShift[] {
  const at = Date.parse(instant);
  return shiftsOf(state)
    .filter((shift) => !shift.cancelled && Date.parse(shift.from) <= at && at < Date.parse(shift.to))
    .sort((a, b) => a.from.localeCompare(b.from) || a.shiftId.localeCompare(b.shiftId));
}

/**
 * Who takes a request about a participant at `instant`: the participant's own specialist when on call
 * (they know the person and the workplace), else the specialist whose shift began first; the same for
 * supervisors. A handover instant belongs to the shift that begins then.
 */
export function onCallAt(state: OnCallRosterState, instant: string, ownSpecialistId: string | null): TeamOnCall {
  const covering = shiftsCovering(state, instant);
  const first = (role: OnCallRole): string | null => covering.find((shift) => shift.role === role)?.workerId ?? null;
  const own = covering.some((shift) => shift.role === 'employment-specialist' && shift.workerId === ownSpecialistId);
  return { 'employment-specialist': own ? ownSpecialistId : first('employment-specialist'), supervisor: first('supervisor') };
}
