import { Slice } from '@ips/command-pipeline';
import { ContactRequestEvent, ContactRequestState, contactRequestAggregate, contactRequestToShared } from '@ips/employer/domain';

export const contactRequestSlice: Slice<ContactRequestState, ContactRequestEvent> = {
  aggregate: contactRequestAggregate,
  toShared: contactRequestToShared,
  /** The employer's words and number are about the participant too: sealed with the participant's key. */
  personal: { ContactRequestReceived: ['message', 'callbackPhone'], ContactRequestResolved: ['note'] },
};
