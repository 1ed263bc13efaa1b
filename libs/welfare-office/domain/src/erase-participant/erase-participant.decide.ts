import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { ParticipantEvent } from '../participant/participant.events';
import { ParticipantState } from '../participant/participant.state';

export type EraseParticipant = Command<'EraseParticipant', { participantId: string }>;

/**
 * erase-participant: the right to erasure: the participant's key is destroyed (by the edge, before this event is stored) and
 * this records that it was, when and by whom. It is final, so it happens once.
 */
export function decideEraseParticipant(command: EraseParticipant, state: ParticipantState): Decision<ParticipantEvent> {
  if (state.status === 'Unknown') return refuse('not-found', ParticipantErrors.notFound, 'no participant with this id that you may see');
  if (state.status === 'Erased') return refuse('conflict', ParticipantErrors.erased, `already erased on ${state.erasedAt.slice(0, 10)}`);
  return accept({ type: 'ParticipantErased', data: { participantId: command.data.participantId, at: command.metadata.now } });
}
