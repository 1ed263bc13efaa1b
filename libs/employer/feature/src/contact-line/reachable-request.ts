import { CommandPipeline } from '@ips/command-pipeline';
import { ContactRequestEvent, contactRequestAggregate } from '@ips/employer/domain';
import { Aggregate, DomainError } from '@ips/kernel';
import { LineReader, mayReach } from '@ips/access';
import { ContactRequestRecord, evolveContactRequestView } from './contact-request.view';

/** The request's view folded from its own stream, as the list's read model folds it per event. */
const contactRequestView: { readonly aggregate: Aggregate<ContactRequestRecord | null, ContactRequestEvent> } = {
  aggregate: { category: contactRequestAggregate.category, initialState: null, evolve: evolveContactRequestView },
};

/** The request folded from its own stream (read-your-writes, personal fields opened); null when there is none. */
export const requestViewOf = (pipeline: CommandPipeline, requestId: string): Promise<ContactRequestRecord | null> =>
  pipeline.load(contactRequestView, requestId);

/** Another employer's request, or one that has not reached the crisis service: as if it did not exist (404). */
export const requestNotReachable: DomainError = {
  kind: 'not-found',
  code: 'CONTACT_REQUEST.NOT_FOUND',
  message: 'no contact request with this id that you may see',
};

/**
 * The request folded from its own stream (read-your-writes, personal fields opened), if `reader` may reach it: an
 * employer its own, the crisis service what reached its tier, the line's staff any (whoever is on call may have to take
 * any request; the list and the stream are scoped by team, ContactRequestReader). Null otherwise, as for none.
 */
export async function reachableRequest(pipeline: CommandPipeline, requestId: string, reader: LineReader): Promise<ContactRequestRecord | null> {
  const view = await requestViewOf(pipeline, requestId);
  return view && mayReach(reader, view) ? view : null;
}
