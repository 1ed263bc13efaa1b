import { Command, Decision, accept, assertNever, refuse } from '@ips/utils';
import { toInstant } from '../on-call-roster/local-time';
import { OnCallRosterErrors } from '../on-call-roster/on-call-roster.errors';
import { OnCallRole, OnCallRosterEvent } from '../on-call-roster/on-call-roster.events';
import { DefinedRoster, OnCallRosterState, findOnCallShift, shiftsOf } from '../on-call-roster/on-call-roster.state';

const { teamNotFound, invalidTime, invalidPeriod, shiftAlreadyScheduled, overlaps } = OnCallRosterErrors;

export type ScheduleOnCall = Command<
  'ScheduleOnCall',
  {
    readonly teamId: string;
    readonly shiftId: string;
    readonly workerId: string;
    readonly role: OnCallRole;
    /** A local time in the team's zone (`2026-03-02T16:00`) or an instant with its zone (`…Z`, `…+01:00`). */
    readonly from: string;
    readonly to: string;
  }
>;

/** A fortnight: longer than any on-call stretch a team would plan, short enough to catch a mistyped year. */
export const MAX_SHIFT_HOURS = 14 * 24;

export function decideScheduleOnCall(command: ScheduleOnCall, state: OnCallRosterState): Decision<OnCallRosterEvent> {
  switch (state.status) {
    case 'Undefined':
      return refuse('not-found', teamNotFound, 'no on-call team with this id');
    case 'Defined':
      return schedule(command, state);
    default:
      return assertNever(state);
  }
}

function schedule(command: ScheduleOnCall, state: DefinedRoster): Decision<OnCallRosterEvent> {
  const { teamId, shiftId, workerId, role } = command.data;
  const from = toInstant(command.data.from, state.timeZone);
  const to = toInstant(command.data.to, state.timeZone);
  if (!from || !to) return refuse('rejected', invalidTime, `shift times are local times in ${state.timeZone} or instants with a zone`);
  const hours = (Date.parse(to) - Date.parse(from)) / 3_600_000;
  if (!(hours > 0 && hours <= MAX_SHIFT_HOURS)) {
    return refuse('rejected', invalidPeriod, `a shift ends after it starts and lasts at most ${MAX_SHIFT_HOURS} hours`);
  }
  if (findOnCallShift(state, shiftId)) return refuse('conflict', shiftAlreadyScheduled, 'this shift is already scheduled');
  const clash = shiftsOf(state).find(
    (shift) => !shift.cancelled && shift.workerId === workerId && shift.from < to && from < shift.to,
  );
  if (clash) return refuse('conflict', overlaps, `${workerId} is already on call ${clash.from} to ${clash.to}`);
  return accept({
    type: 'OnCallShiftScheduled',
    data: { teamId, shiftId, workerId, role, from, to, scheduledAt: command.metadata.now },
  });
}
