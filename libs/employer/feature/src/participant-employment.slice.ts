import { Slice } from '@ips/command-pipeline';
import { ParticipantEmploymentEvent, ParticipantEmploymentState, participantEmploymentAggregate, participantEmploymentToShared } from '@ips/employer/domain';

export const participantEmploymentSlice: Slice<ParticipantEmploymentState, ParticipantEmploymentEvent> = {
  aggregate: participantEmploymentAggregate,
  toShared: participantEmploymentToShared,
  personal: { FollowAlongContactMade: ['note'], PlacementEnded: ['note'] },
};
