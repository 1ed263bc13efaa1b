import { Slice } from '@ips/command-pipeline';
import { ContactRequestEvent, ContactRequestState, contactRequestAggregate, contactRequestToShared } from '@ips/employer/domain';

export const contactRequestSlice: Slice<ContactRequestState, ContactRequestEvent> = {
  aggregate: contactRequestAggregate,
  toShared: contactRequestToShared,
};
