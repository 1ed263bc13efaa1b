import { Command, Decision, accept, refuse } from '@ips/kernel';
import { CrisisRotaErrors } from '../crisis-rota/crisis-rota.errors';
import { CrisisRotaEvent, DutyScheduled } from '../crisis-rota/crisis-rota.events';
import { CrisisRotaState, findShift, shiftsOf } from '../crisis-rota/crisis-rota.state';

export type ScheduleDuty = Command<'ScheduleDuty', Omit<DutyScheduled['data'], 'scheduledAt'>>;

// The employer line dials this number when escalating, so it must be callable as written.
const PHONE = /^\+\d{8,15}$/;

/** schedule-duty: a worker goes on the rota for a period, with a phone the employer line can dial, never in two shifts at once. */
export function decideScheduleDuty(command: ScheduleDuty, state: CrisisRotaState): Decision<CrisisRotaEvent> {
  const { shiftId, workerId, from, to } = command.data;
  if (!PHONE.test(command.data.phone)) {
    return refuse('rejected', CrisisRotaErrors.invalidPhone, 'the phone number must be + and 8 to 15 digits');
  }
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (!(end > start)) return refuse('rejected', CrisisRotaErrors.invalidPeriod, 'a shift must end after it starts');
  if (findShift(state, shiftId)) {
    return refuse('conflict', CrisisRotaErrors.alreadyScheduled, 'this shift has already been scheduled');
  }
  const clash = shiftsOf(state).find(
    (shift) => !shift.cancelled && shift.workerId === workerId && Date.parse(shift.from) < end && start < Date.parse(shift.to),
  );
  if (clash) {
    return refuse('conflict', CrisisRotaErrors.overlaps, `the worker is already on duty ${clash.from} to ${clash.to}`);
  }
  return accept({ type: 'DutyScheduled', data: { ...command.data, scheduledAt: command.metadata.now } });
}
