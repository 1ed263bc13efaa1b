import { Command, Decision, accept } from '@ips/kernel';
import { BenefitsCounsellingHeld, ParticipantEvent } from '../participant/participant.events';
import { isFuture, refuseFutureDate, whenEnrolled } from '../participant/participant.rules';
import { ParticipantState } from '../participant/participant.state';

export type RecordBenefitsCounselling = Command<'RecordBenefitsCounselling', Omit<BenefitsCounsellingHeld['data'], 'at'>>;

/** record-benefits-counselling: a benefits counselling session with the participant (before a job starts, and when hours or pay change). */
export const decideRecordBenefitsCounselling = (command: RecordBenefitsCounselling, state: ParticipantState): Decision<ParticipantEvent> =>
  whenEnrolled(state, () =>
    isFuture(command.data.heldOn, command.metadata.now)
      ? refuseFutureDate('heldOn')
      : accept({ type: 'BenefitsCounsellingHeld', data: { ...command.data, at: command.metadata.now } }),
  );
