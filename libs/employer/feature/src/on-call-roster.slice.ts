import { Slice } from '@ips/command-pipeline';
import { OnCallRosterEvent, OnCallRosterState, onCallRosterAggregate, onCallRosterToShared } from '@ips/employer/domain';

export const onCallRosterSlice: Slice<OnCallRosterState, OnCallRosterEvent> = {
  aggregate: onCallRosterAggregate,
  toShared: onCallRosterToShared,
};
