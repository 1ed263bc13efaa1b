import { ContactRequestEvent, OnCallTier, Urgency } from '@ips/employer/domain';
import { PersonalData } from '@ips/personal-data';
import { assertNever } from '@ips/utils';

export type ContactRequestStatus = 'received' | 'escalated' | 'acknowledged' | 'resolved';

export interface StatusChange {
  readonly status: ContactRequestStatus;
  readonly at: string;
  readonly tier?: OnCallTier;
  readonly assigneeId?: string | null;
  readonly level?: number;
  readonly by?: string;
}

/** The whole request, for the team: who has it, its history, the resolution note. */
export interface StaffContactRequestView {
  readonly requestId: string;
  readonly placementId: string;
  readonly participantId: string;
  readonly employerId: string;
  readonly status: ContactRequestStatus;
  readonly urgency: Urgency;
  readonly message: string;
  readonly callbackPhone: string;
  readonly receivedAt: string;
  readonly tier: OnCallTier;
  readonly assigneeId: string | null;
  readonly acknowledgeBy: string;
  readonly escalations: number;
  readonly resolutionNote: string | null;
  readonly history: readonly StatusChange[];
}

/** What the employer who called sees: its own words, the status and when it changed; nothing of the participant. */
export interface EmployerContactRequestView {
  readonly requestId: string;
  readonly placementId: string;
  readonly status: ContactRequestStatus;
  readonly urgency: Urgency;
  readonly message: string;
  readonly callbackPhone: string;
  readonly receivedAt: string;
  /** While nobody has taken it: when it escalates. */
  readonly acknowledgeBy: string | null;
  readonly history: readonly { readonly status: ContactRequestStatus; readonly at: string }[];
}

/** Pure: the view after one more event. The GET folds the stream with it; the list's read model applies it per event. */
export function evolveContactRequestView(
  view: StaffContactRequestView | null,
  event: ContactRequestEvent,
): StaffContactRequestView | null {
  if (event.type === 'ContactRequestReceived') {
    const { requestId, placementId, participantId, employerId, urgency, message, callbackPhone, receivedAt } = event.data;
    const { tier, assigneeId, acknowledgeBy } = event.data;
    const history = [{ status: 'received' as const, at: receivedAt, tier, assigneeId }];
    const base = { requestId, placementId, participantId, employerId, urgency, message, callbackPhone, receivedAt };
    return { ...base, status: 'received', tier, assigneeId, acknowledgeBy, escalations: 0, resolutionNote: null, history };
  }
  if (!view) return null;
  switch (event.type) {
    case 'ContactRequestEscalated': {
      const { level, tier, assigneeId, acknowledgeBy, escalatedAt: at } = event.data;
      const change = { status: 'escalated' as const, at, level, tier, assigneeId };
      return { ...view, status: 'escalated', tier, assigneeId, acknowledgeBy, escalations: level, history: [...view.history, change] };
    }
    case 'ContactRequestAcknowledged': {
      const change = { status: 'acknowledged' as const, at: event.data.acknowledgedAt, by: event.data.acknowledgedBy };
      return { ...view, status: 'acknowledged', history: [...view.history, change] };
    }
    case 'ContactRequestResolved': {
      const { resolvedAt: at, resolvedBy: by, note } = event.data;
      return { ...view, status: 'resolved', resolutionNote: note, history: [...view.history, { status: 'resolved', at, by }] };
    }
    default:
      return assertNever(event);
  }
}

export function employerViewOf(view: StaffContactRequestView): EmployerContactRequestView {
  const { requestId, placementId, status, urgency, message, callbackPhone, receivedAt } = view;
  const waiting = status === 'received' || status === 'escalated';
  return {
    requestId,
    placementId,
    status,
    urgency,
    message,
    callbackPhone,
    receivedAt,
    acknowledgeBy: waiting ? view.acknowledgeBy : null,
    history: view.history.map(({ status: changed, at }) => ({ status: changed, at })),
  };
}

/**
 * The views with the employer's words, number and the resolution note opened (they are stored sealed with
 * the participant's key, and read `[erased]` once it is destroyed): one key lookup per participant.
 */
export function openViews(personalData: PersonalData, views: readonly StaffContactRequestView[]): Promise<StaffContactRequestView[]> {
  return personalData.openEach(views, (view) => view.participantId);
}
