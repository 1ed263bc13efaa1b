import { Slice } from '@ips/command-pipeline';
import { EmergencyAccessEvent, EmergencyGrants, emergencyAccessAggregate } from './emergency-access';

/** One participant's emergency grants (the stream is theirs, its id the participant's id). */
export const emergencyAccessSlice: Slice<EmergencyGrants, EmergencyAccessEvent> = {
  aggregate: emergencyAccessAggregate,
  toShared: () => [],
  // The words may tell of the participant's health: sealed with their key, gone when they are erased.
  personal: { EmergencyAccessGranted: ['reason'], EmergencyAccessReviewed: ['note'] },
};
