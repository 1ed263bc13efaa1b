import { Command, Decision, accept, assertNever, refuse } from '@ips/kernel';
import { OnCallRosterErrors } from '../on-call-roster/on-call-roster.errors';
import { OnCallRosterEvent } from '../on-call-roster/on-call-roster.events';
import { OnCallRosterState, findOnCallShift } from '../on-call-roster/on-call-roster.state';

export type CancelOnCall = Command<'CancelOnCall', { readonly teamId: string; readonly shiftId: string }>;

/** cancel-on-call: A shift on a programme team or on an on-call team from before teams: both may be cancelled, at any time. */
export function decideCancelOnCall(command: CancelOnCall, state: OnCallRosterState): Decision<OnCallRosterEvent> {
  const { teamId, shiftId } = command.data;
  switch (state.status) {
    case 'Undefined':
      return refuse('not-found', OnCallRosterErrors.teamNotFound, 'no on-call team with this id');
    case 'Defined':
    case 'Rostered': {
      const shift = findOnCallShift(state, shiftId);
      if (!shift) return refuse('not-found', OnCallRosterErrors.shiftNotFound, 'no such shift on this team');
      if (shift.cancelled) return refuse('conflict', OnCallRosterErrors.shiftAlreadyCancelled, 'this shift is already cancelled');
      return accept({ type: 'OnCallShiftCancelled', data: { teamId, shiftId, cancelledAt: command.metadata.now } });
    }
    default:
      return assertNever(state);
  }
}
