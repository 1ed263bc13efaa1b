import { Command, Decision, accept } from '@ips/kernel';
import { ParticipantContactRecorded, ParticipantEvent } from '../participant/participant.events';
import { isFuture, refuseFutureDate, whenEnrolled } from '../participant/participant.rules';
import { ParticipantState } from '../participant/participant.state';

export type RecordParticipantContact = Command<'RecordParticipantContact', Omit<ParticipantContactRecorded['data'], 'at'>>;

/** record-participant-contact: a meeting or call with the participant, once they are on a caseload. */
export const decideRecordParticipantContact = (command: RecordParticipantContact, state: ParticipantState): Decision<ParticipantEvent> =>
  whenEnrolled(state, () =>
    isFuture(command.data.contactedOn, command.metadata.now)
      ? refuseFutureDate('contactedOn')
      : accept({ type: 'ParticipantContactRecorded', data: { ...command.data, at: command.metadata.now } }),
  );
