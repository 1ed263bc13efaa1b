import { ContactLineSharedEvent } from '@ips/contracts';
import { assertNever } from '@ips/kernel';
import { ContactRequestEvent } from './contact-request.events';

type Envelope = Pick<ContactLineSharedEvent, 'id' | 'recordedBy'>;

const withAssignee = (assigneeId: string | null) => (assigneeId === null ? {} : { assigneeId });

/**
 * What the team learns of the contact line: that a request came in, who has it, by when, and that it was
 * taken and dealt with. The message, the callback phone and the resolution note stay here.
 */
export function contactRequestToShared(event: ContactRequestEvent, envelope: Envelope): ContactLineSharedEvent[] {
  const { requestId, placementId, participantId, employerId } = event.data;
  const header = { ...envelope, version: 1, source: 'employer', participantId } as const;
  const request = { requestId, placementId, employerId };
  switch (event.type) {
    case 'ContactRequestReceived': {
      const { urgency, tier, assigneeId, acknowledgeBy, receivedAt } = event.data;
      const data = { ...request, urgency, tier, ...withAssignee(assigneeId), acknowledgeBy };
      return [{ ...header, type: 'ContactRequestReceived', occurredAt: receivedAt, data }];
    }
    case 'ContactRequestEscalated': {
      const { level, tier, assigneeId, acknowledgeBy, escalatedAt } = event.data;
      const data = { ...request, level, tier, ...withAssignee(assigneeId), acknowledgeBy };
      return [{ ...header, type: 'ContactRequestEscalated', occurredAt: escalatedAt, data }];
    }
    case 'ContactRequestAcknowledged':
      return [{ ...header, type: 'ContactRequestAcknowledged', occurredAt: event.data.acknowledgedAt, data: request }];
    case 'ContactRequestResolved':
      return [{ ...header, type: 'ContactRequestResolved', occurredAt: event.data.resolvedAt, data: request }];
    default:
      return assertNever(event);
  }
}
