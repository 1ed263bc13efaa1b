import { ActingAs, ContactRequestEvent, OnCallTier, Urgency } from '@ips/employer/domain';
import { PersonalData } from '@ips/personal-data';
import { assertNever } from '@ips/kernel';

export type ContactRequestStatus = 'received' | 'escalated' | 'acknowledged' | 'resolved';

export interface StatusChange {
  readonly status: ContactRequestStatus;
  readonly at: string;
  readonly tier?: OnCallTier;
  readonly assigneeId?: string | null;
  readonly level?: number;
  readonly by?: string;
  /** In what capacity `by` acted (absent for changes recorded before it was). */
  readonly as?: ActingAs;
}

/**
 * The request folded from its events: what GET folds from the stream and the list's read model stores as JSON (rows
 * stored before a field existed are read through `recordOf`).
 */
export interface ContactRequestRecord {
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
  /** The participant's own employment specialist at receipt, told of every request about them; null when none was known. */
  readonly specialistId: string | null;
  /**
   * The first deadline (receipt plus the urgency's window): the line's promise to the employer. Until someone takes
   * the request it is not answered in time from then on, whatever tier it has been escalated to.
   */
  readonly answerBy: string;
  /** The current tier's deadline: when it escalates next (each escalation gives the next tier a whole window). */
  readonly acknowledgeBy: string;
  readonly escalations: number;
  readonly resolutionNote: string | null;
  readonly history: readonly StatusChange[];
}

/**
 * Who took or resolved a request, and when. `name` is the member's display name in the programme's team directory,
 * null when the directory does not name them; `role` is the role they acted in (`employment-specialist`,
 * `supervisor`, `caseworker`, `municipal-worker`, …), null only for a request handled before roles were recorded by
 * someone the directory does not name. A screen shows the name, else the role ("a supervisor").
 */
export interface HandledBy {
  readonly name: string | null;
  readonly role: string | null;
  readonly at: string;
}

/** The whole request, for the team: who has it, its history, the resolution note. */
export interface StaffContactRequestView extends ContactRequestRecord {
  /** The employer's registered name (null when the employer directory does not have it). */
  readonly employerName: string | null;
  /**
   * Not answered in time at the instant of the read: nobody has taken it and `answerBy` has passed (the board's "not
   * answered in time" counts the same). A screen that keeps the answer open computes it again from `answerBy` and `takenBy`.
   */
  readonly overdue: boolean;
  /** Who took it (acknowledged), with their login id; null while nobody has. */
  readonly takenBy: (HandledBy & { readonly id: string }) | null;
  readonly resolvedBy: (HandledBy & { readonly id: string }) | null;
}

/** What the employer who called sees: its own words, the status, when it changed and who of the team took it; nothing of the participant. */
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
  /** Who of the team took the request and when (see HandledBy); null while nobody has. */
  readonly takenBy: HandledBy | null;
  /** Who resolved it and when; null until it is resolved. */
  readonly resolvedBy: HandledBy | null;
  readonly resolvedAt: string | null;
  readonly history: readonly { readonly status: ContactRequestStatus; readonly at: string }[];
}

/** Pure: the view after one more event. The GET folds the stream with it; the list's read model applies it per event. */
export function evolveContactRequestView(view: ContactRequestRecord | null, event: ContactRequestEvent): ContactRequestRecord | null {
  if (event.type === 'ContactRequestReceived') {
    const { requestId, placementId, participantId, employerId, urgency, message, callbackPhone, receivedAt } = event.data;
    const { tier, assigneeId, acknowledgeBy } = event.data;
    const history = [{ status: 'received' as const, at: receivedAt, tier, assigneeId }];
    const base = { requestId, placementId, participantId, employerId, urgency, message, callbackPhone, receivedAt };
    const specialistId = event.data.specialistId ?? null;
    return {
      ...base,
      status: 'received',
      tier,
      assigneeId,
      specialistId,
      answerBy: acknowledgeBy,
      acknowledgeBy,
      escalations: 0,
      resolutionNote: null,
      history,
    };
  }
  if (!view) return null;
  const current = recordOf(view);
  switch (event.type) {
    case 'ContactRequestEscalated': {
      const { level, tier, assigneeId, acknowledgeBy, escalatedAt: at } = event.data;
      const change = { status: 'escalated' as const, at, level, tier, assigneeId };
      return { ...current, status: 'escalated', tier, assigneeId, acknowledgeBy, escalations: level, history: [...current.history, change] };
    }
    case 'ContactRequestAcknowledged': {
      const { acknowledgedAt: at, acknowledgedBy: by, acknowledgedAs: as } = event.data;
      return { ...current, status: 'acknowledged', history: [...current.history, { status: 'acknowledged', at, by, ...(as ? { as } : {}) }] };
    }
    case 'ContactRequestResolved': {
      const { resolvedAt: at, resolvedBy: by, resolvedAs: as, note } = event.data;
      const change = { status: 'resolved' as const, at, by, ...(as ? { as } : {}) };
      return { ...current, status: 'resolved', resolutionNote: note, history: [...current.history, change] };
    }
    default:
      return assertNever(event);
  }
}

/**
 * A record as stored, with what rows stored before a field existed lack: no specialist known, and as the first
 * deadline the one it had before its first escalation (the escalation fired at that deadline, by a worker that polls
 * every few seconds), or its current one when it never escalated.
 */
export function recordOf(stored: ContactRequestRecord): ContactRequestRecord {
  if (stored.answerBy !== undefined && stored.specialistId !== undefined) return stored;
  const firstEscalation = stored.history.find((change) => change.status === 'escalated');
  return {
    ...stored,
    specialistId: stored.specialistId ?? null,
    answerBy: stored.answerBy ?? (firstEscalation ? firstEscalation.at : stored.acknowledgeBy),
  };
}

/** The last change of a status: who took or resolved it. */
const lastOf = (record: ContactRequestRecord, status: ContactRequestStatus): StatusChange | undefined =>
  [...record.history].reverse().find((change) => change.status === status && change.by !== undefined);

/** What a read adds to a record: the employer's name, staff display names, the instant of the read. */
export interface ReadContext {
  readonly now: Date;
  readonly employerNames: ReadonlyMap<string, string>;
  /** Display names by `agency/sub` (TeamDirectory.displayNames). */
  readonly displayNames: ReadonlyMap<string, string>;
}

/** The people a screen names in these records (who took and who resolved them), for one directory lookup. */
export function peopleIn(records: readonly ContactRequestRecord[]): { sub: string; agency: string }[] {
  return records.flatMap((record) =>
    (['acknowledged', 'resolved'] as const).flatMap((status) => {
      const change = lastOf(record, status);
      if (!change?.by) return [];
      // A change recorded before the capacity was: the line's staff are the welfare office's or the crisis service's.
      const agencies = change.as ? [change.as.agency] : ['welfare-office', 'municipality'];
      return agencies.map((agency) => ({ sub: change.by as string, agency }));
    }),
  );
}

function handledBy(record: ContactRequestRecord, status: 'acknowledged' | 'resolved', context: ReadContext) {
  const change = lastOf(record, status);
  if (!change?.by) return null;
  const id = change.by;
  const agencies = change.as ? [change.as.agency] : ['welfare-office', 'municipality'];
  const name = agencies.map((agency) => context.displayNames.get(`${agency}/${id}`)).find((known) => known !== undefined) ?? null;
  // Before roles were recorded: the holder of a tier acted in the tier's role.
  const role = change.as?.role ?? (id === record.assigneeId && record.tier !== 'crisis-service' ? record.tier : null);
  return { id, name, role, at: change.at };
}

export function staffViewOf(stored: ContactRequestRecord, context: ReadContext): StaffContactRequestView {
  const record = recordOf(stored);
  const takenBy = handledBy(record, 'acknowledged', context);
  const waiting = record.status === 'received' || record.status === 'escalated';
  return {
    ...record,
    employerName: context.employerNames.get(record.employerId) ?? null,
    overdue: waiting && context.now.getTime() >= Date.parse(record.answerBy),
    takenBy,
    resolvedBy: handledBy(record, 'resolved', context),
  };
}

const withoutId = (handled: (HandledBy & { readonly id: string }) | null): HandledBy | null =>
  handled ? { name: handled.name, role: handled.role, at: handled.at } : null;

export function employerViewOf(view: StaffContactRequestView): EmployerContactRequestView {
  const { requestId, placementId, status, urgency, message, callbackPhone, receivedAt } = view;
  const waiting = status === 'received' || status === 'escalated';
  const resolvedBy = withoutId(view.resolvedBy);
  return {
    requestId,
    placementId,
    status,
    urgency,
    message,
    callbackPhone,
    receivedAt,
    acknowledgeBy: waiting ? view.acknowledgeBy : null,
    // Resolving an untaken request takes it too: the employer is told who dealt with it.
    takenBy: withoutId(view.takenBy) ?? resolvedBy,
    resolvedBy,
    resolvedAt: resolvedBy?.at ?? null,
    history: view.history.map(({ status: changed, at }) => ({ status: changed, at })),
  };
}

/**
 * The records with the employer's words, number and the resolution note opened (they are stored sealed with
 * the participant's key, and read `[erased]` once it is destroyed): one key lookup per participant.
 */
export function openViews<R extends ContactRequestRecord>(personalData: PersonalData, views: readonly R[]): Promise<R[]> {
  return personalData.openEach(views, (view) => view.participantId);
}
