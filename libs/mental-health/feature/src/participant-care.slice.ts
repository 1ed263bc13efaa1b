import { Slice } from '@ips/command-pipeline';
import { ParticipantCareEvent, ParticipantCareState, participantCareAggregate, participantCareToShared } from '@ips/mental-health/domain';

export const participantCareSlice: Slice<ParticipantCareState, ParticipantCareEvent> = {
  aggregate: participantCareAggregate,
  toShared: participantCareToShared,
  personal: {
    IntegrationMeetingHeld: ['attendees', 'decisions'],
    RelapseRiskFlagRaised: ['actions'],
    RelapseRiskFlagChanged: ['actions'],
    RelapseRiskFlagCleared: ['reason'],
    TreatmentEnded: ['reason'],
  },
};
