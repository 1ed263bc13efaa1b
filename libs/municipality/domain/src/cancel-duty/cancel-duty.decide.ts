import { Command, Decision, accept, refuse } from '@ips/kernel';
import { CrisisRotaErrors } from '../crisis-rota/crisis-rota.errors';
import { CrisisRotaEvent } from '../crisis-rota/crisis-rota.events';
import { CrisisRotaState, findShift } from '../crisis-rota/crisis-rota.state';

export type CancelDuty = Command<'CancelDuty', { readonly rotaId: string; readonly shiftId: string }>;

/** cancel-duty: a shift on the rota is cancelled, once; from then on nobody is on duty through it. */
export function decideCancelDuty(command: CancelDuty, state: CrisisRotaState): Decision<CrisisRotaEvent> {
  const { rotaId, shiftId } = command.data;
  const shift = findShift(state, shiftId);
  if (!shift) return refuse('not-found', CrisisRotaErrors.notFound, 'no such shift on this rota');
  if (shift.cancelled) return refuse('conflict', CrisisRotaErrors.alreadyCancelled, 'this shift is already cancelled');
  return accept({ type: 'DutyCancelled', data: { rotaId, shiftId, cancelledAt: command.metadata.now } });
}
