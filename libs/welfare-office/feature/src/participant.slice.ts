import { Slice } from '@ips/command-pipeline';
import { ParticipantEvent, ParticipantState, participantAggregate, participantToShared } from '@ips/welfare-office/domain';

export const participantSlice: Slice<ParticipantState, ParticipantEvent> = {
  aggregate: participantAggregate,
  toShared: participantToShared,
};
