import { Slice } from '@ips/command-pipeline';
import { ParticipantServicesEvent, ParticipantServicesState, participantServicesAggregate, participantServicesToShared } from '@ips/municipality/domain';

export const participantServicesSlice: Slice<ParticipantServicesState, ParticipantServicesEvent> = {
  aggregate: participantServicesAggregate,
  toShared: participantServicesToShared,
  personal: { MunicipalServiceGranted: ['note'], MunicipalServiceEnded: ['reason'] },
};
