import { Command, Decision, accept } from '@ips/kernel';
import { EmployerContactMade, ParticipantEvent } from '../participant/participant.events';
import { isFuture, refuseFutureDate, whenEnrolled } from '../participant/participant.rules';
import { ParticipantState } from '../participant/participant.state';

export type RecordEmployerContact = Command<'RecordEmployerContact', Omit<EmployerContactMade['data'], 'at'>>;

/** record-employer-contact: job development: the specialist's contacts with employers for this participant. */
export const decideRecordEmployerContact = (command: RecordEmployerContact, state: ParticipantState): Decision<ParticipantEvent> =>
  whenEnrolled(state, () =>
    isFuture(command.data.contactedOn, command.metadata.now)
      ? refuseFutureDate('contactedOn')
      : accept({ type: 'EmployerContactMade', data: { ...command.data, at: command.metadata.now } }),
  );
