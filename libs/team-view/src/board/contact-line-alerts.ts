import { KnownSharedEvent, SharedEvent } from '@ips/contracts';
import { Alert } from './alerts';

interface OpenRequest {
  readonly receivedAt: string;
  readonly urgency: string;
  /**
   * The first deadline, from the request's receipt: the line promised an answer by then, so from then until someone
   * takes it the request is not answered in time, whichever tier it has reached. Absent from rows stored before it was
   * kept (their `acknowledgeBy` may have been moved on by escalations; they count from that).
   */
  readonly answerBy?: string;
  /** The current tier's deadline (moved on by each escalation). */
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
      const request = { receivedAt: known.occurredAt, urgency, answerBy: acknowledgeBy, acknowledgeBy, with: holder(tier, assigneeId), acknowledged: false };
      return { ...open, [requestId]: request };
    }
    case 'ContactRequestEscalated': {
      const { requestId, acknowledgeBy, tier, assigneeId } = known.data;
      const request = open[requestId];
      if (!request || request.acknowledged) return open;
      // A row stored before the first deadline was kept, escalating now: the deadline it had until now is that one,
      // unless it had escalated before (then the earliest deadline it knows of).
      const answerBy = request.answerBy ?? request.acknowledgeBy;
      return { ...open, [requestId]: { ...request, answerBy, acknowledgeBy, with: holder(tier, assigneeId) } };
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
 * The employer line on the board, at the instant `now`: every request not yet resolved, and the ones nobody
 * acknowledged by their first deadline as overdue, whatever tier they have been escalated to since (an escalation
 * gives the next tier a new deadline, but the employer was promised an answer by the first). An acknowledgement
 * clears "overdue", a resolution both.
 */
export function contactLineAlerts(events: readonly SharedEvent[], now: string): Alert[] {
  return contactLineAlertsFrom(events.reduce(evolveOpenRequests, {}), now);
}

/**
 * The first deadline; a row stored before it was kept has only its current one, which is the first unless it
 * escalated before the upgrade (then it counts from the later deadline: never overdue before its time).
 */
const firstDeadlineOf = (request: OpenRequest): string => request.answerBy ?? request.acknowledgeBy;

/** The same, from stored open requests. */
export function contactLineAlertsFrom(open: OpenRequests, now: string): Alert[] {
  const at = Date.parse(now);
  return Object.values(open).map((request): Alert => {
    const answerBy = firstDeadlineOf(request);
    if (!request.acknowledged && at >= Date.parse(answerBy)) {
      return {
        code: 'CONTACT_REQUEST_ACKNOWLEDGEMENT_OVERDUE',
        since: answerBy,
        message: `${request.urgency} employer request not acknowledged by ${answerBy} (with the ${request.with})`,
      };
    }
    const state = request.acknowledged ? 'acknowledged, not resolved' : `with the ${request.with}, to acknowledge by ${request.acknowledgeBy}`;
    return { code: 'CONTACT_REQUEST_OPEN', since: request.receivedAt, message: `${request.urgency} employer request open: ${state}` };
  });
}
