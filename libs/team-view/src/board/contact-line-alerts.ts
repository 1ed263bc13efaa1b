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

/** The employer requests not yet resolved, by request id (a stored read model keeps it as JSON). */
export type OpenRequests = Readonly<Record<string, OpenRequest>>;

/** Pure: the open requests after one more event. */
export function evolveOpenRequests(open: OpenRequests, event: SharedEvent): OpenRequests {
  const known = event as KnownSharedEvent;
  switch (known.type) {
    case 'ContactRequestReceived': {
      const { requestId, urgency, acknowledgeBy, tier, assigneeId } = known.data;
      return { ...open, [requestId]: { receivedAt: known.occurredAt, urgency, acknowledgeBy, with: holder(tier, assigneeId), acknowledged: false } };
    }
    case 'ContactRequestEscalated': {
      const { requestId, acknowledgeBy, tier, assigneeId } = known.data;
      const request = open[requestId];
      return request && !request.acknowledged ? { ...open, [requestId]: { ...request, acknowledgeBy, with: holder(tier, assigneeId) } } : open;
    }
    case 'ContactRequestAcknowledged': {
      const request = open[known.data.requestId];
      return request ? { ...open, [known.data.requestId]: { ...request, acknowledged: true } } : open;
    }
    case 'ContactRequestResolved': {
      const { [known.data.requestId]: _resolved, ...rest } = open;
      return rest;
    }
    default:
      return open;
  }
}

/**
 * The employer line on the board, at the instant `now`: every request not yet resolved, and the ones
 * nobody acknowledged by their deadline as overdue. An acknowledgement clears "overdue", a resolution both.
 */
export function contactLineAlerts(events: readonly SharedEvent[], now: string): Alert[] {
  return contactLineAlertsFrom(events.reduce(evolveOpenRequests, {}), now);
}

/** The same, from stored open requests. */
export function contactLineAlertsFrom(open: OpenRequests, now: string): Alert[] {
  const at = Date.parse(now);
  return Object.values(open).map((request): Alert => {
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
