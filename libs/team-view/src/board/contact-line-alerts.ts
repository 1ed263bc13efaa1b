import { KnownSharedEvent, SharedEvent } from '@ips/contracts';
import { Alert } from './alerts';

interface OpenRequest {
  readonly receivedAt: string;
  readonly urgency: string;
  readonly acknowledgeBy: string;
  readonly with: string;
  readonly acknowledged: boolean;
}

const holder = (tier: string, assigneeId: string | undefined): string => (assigneeId ? `${tier} ${assigneeId}` : `${tier}, nobody on duty`);

function openRequests(events: readonly SharedEvent[]): Map<string, OpenRequest> {
  const open = new Map<string, OpenRequest>();
  for (const event of events as readonly KnownSharedEvent[]) {
    switch (event.type) {
      case 'ContactRequestReceived': {
        const { requestId, urgency, acknowledgeBy, tier, assigneeId } = event.data;
        open.set(requestId, { receivedAt: event.occurredAt, urgency, acknowledgeBy, with: holder(tier, assigneeId), acknowledged: false });
        break;
      }
      case 'ContactRequestEscalated': {
        const { requestId, acknowledgeBy, tier, assigneeId } = event.data;
        const request = open.get(requestId);
        if (request && !request.acknowledged) open.set(requestId, { ...request, acknowledgeBy, with: holder(tier, assigneeId) });
        break;
      }
      case 'ContactRequestAcknowledged': {
        const request = open.get(event.data.requestId);
        if (request) open.set(event.data.requestId, { ...request, acknowledged: true });
        break;
      }
      case 'ContactRequestResolved':
        open.delete(event.data.requestId);
        break;
      default:
        break;
    }
  }
  return open;
}

/**
 * The employer line on the board, at the instant `now`: every request not yet resolved, and the ones
 * nobody acknowledged by their deadline as overdue. An acknowledgement clears "overdue", a resolution both.
 */
export function contactLineAlerts(events: readonly SharedEvent[], now: string): Alert[] {
  const at = Date.parse(now);
  return [...openRequests(events).values()].map((request): Alert => {
    if (!request.acknowledged && at >= Date.parse(request.acknowledgeBy)) {
      return {
        code: 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE',
        since: request.acknowledgeBy,
        message: `${request.urgency} employer request not acknowledged by ${request.acknowledgeBy} (with the ${request.with})`,
      };
    }
    const state = request.acknowledged ? 'acknowledged, not resolved' : `with the ${request.with}, to acknowledge by ${request.acknowledgeBy}`;
    return { code: 'CONTACT_REQUEST_OPEN', since: request.receivedAt, message: `${request.urgency} employer request open: ${state}` };
  });
}
