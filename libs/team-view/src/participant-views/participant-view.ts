import { SharingConsent, sharingCircle } from '@ips/access';
import { Agency, SharedEvent } from '@ips/contracts';
import { ALWAYS_DUE, AlertFacts, alertsDueOn, emptyAlertFacts, evolveAlertFacts } from '../board/alerts';
import { OpenRequests, evolveOpenRequests } from '../board/contact-line-alerts';
import { latestConsent } from '../participant-record';
import { ParticipantSummary, emptySummary, evolveSummary } from '../participant-summary/participant-summary.evolve';
import { NamedStaff, evolveNamedStaff } from '../participant-list/names-reader';

/**
 * A participant as the lists and the board show them, stored (decision 33). What a staff reader may see of a record
 * depends on the consent in force: their own agency's entries always, the other agencies' while both are in the
 * sharing circle (libs/access, `canSee`). So each participant has one stored view per agency that lists read ("own":
 * the entries of that agency alone) and one of the sharing circle (the entries of every agency in it), and the read
 * picks the one the consent in force gives the reader. A consent event re-folds the participant's views.
 */
export const VIEW_AGENCIES = ['welfare-office', 'mental-health', 'municipality'] as const satisfies readonly Agency[];
export type ViewAgency = (typeof VIEW_AGENCIES)[number];
export type ViewKey = ViewAgency | 'circle';

/** What a participant's row keeps whatever the reader: who they work with and the consent in force. */
export interface ParticipantFacts {
  readonly participantId: string;
  readonly consent: SharingConsent | null;
  readonly named: NamedStaff;
  /** The latest `occurredAt` applied: an event from before it arrived late, and the participant is folded again. */
  readonly lastAt: string | null;
}

/** One view of one participant: the summary, alerts and open employer requests built from the entries it holds. */
export interface ParticipantView {
  readonly summary: ParticipantSummary;
  readonly alerts: AlertFacts;
  readonly requests: OpenRequests;
  readonly entries: number;
  /** The participant's proposal for their plan that no plan has recorded or replaced yet; absent when none is open. */
  readonly planProposal?: OpenPlanProposal;
}

/**
 * The participant's open proposal for their action plan (`ActionPlanProposed`), for the specialist's page: only in the
 * views that hold welfare-office entries, so only readers who may see the action plan see it. Stored with its personal
 * fields sealed, as the event carries them.
 */
export interface OpenPlanProposal {
  readonly proposalId: string;
  readonly proposedAt: string;
  readonly goals: readonly string[];
  readonly jobPreferences: readonly string[];
  readonly hoursPerWeek: number;
  readonly supportsWanted: readonly string[];
  readonly note: string | null;
}

/**
 * Pure: the open proposal after one more entry. A proposal stays open until a plan records it or a later plan replaces
 * it (either way an `ActionPlanWritten`), a later proposal replaces it, or the record closes (withdrawn, discharged,
 * erased: nobody will record it any more).
 */
export function evolvePlanProposal(open: OpenPlanProposal | null, event: SharedEvent): OpenPlanProposal | null {
  switch (event.type) {
    case 'ActionPlanProposed': {
      const data = event.data as Record<string, unknown>;
      return {
        proposalId: data['proposalId'] as string,
        proposedAt: event.occurredAt,
        goals: (data['goals'] as string[] | undefined) ?? [],
        jobPreferences: (data['jobPreferences'] as string[] | undefined) ?? [],
        hoursPerWeek: data['hoursPerWeek'] as number,
        supportsWanted: (data['supportsWanted'] as string[] | undefined) ?? [],
        note: (data['note'] as string | undefined) ?? null,
      };
    }
    case 'ActionPlanWritten':
    case 'ReferralWithdrawn':
    case 'ParticipantDischarged':
    case 'ParticipantErased':
      return null;
    default:
      return open;
  }
}

export const emptyFacts = (participantId: string): ParticipantFacts => ({ participantId, consent: null, named: {}, lastAt: null });

export const emptyView = (participantId: string): ParticipantView => ({
  summary: emptySummary(participantId),
  alerts: emptyAlertFacts,
  requests: {},
  entries: 0,
});

/** Pure: the participant's facts after one more event. */
export function evolveFacts(facts: ParticipantFacts, event: SharedEvent): ParticipantFacts {
  const consent = event.type === 'ConsentGiven' || event.type === 'ConsentWithdrawn' ? latestConsent([event]) : facts.consent;
  return { ...facts, consent, named: evolveNamedStaff(facts.named, event), lastAt: laterOf(facts.lastAt, event.occurredAt) };
}

/** Pure: one view after one more of the entries it holds. */
export function evolveView(view: ParticipantView, event: SharedEvent): ParticipantView {
  const planProposal = evolvePlanProposal(view.planProposal ?? null, event);
  return {
    summary: evolveSummary(view.summary, event),
    alerts: evolveAlertFacts(view.alerts, event),
    requests: evolveOpenRequests(view.requests, event),
    entries: view.entries + 1,
    // Left out while none is open, so the stored views of participants who never proposed keep their shape.
    ...(planProposal ? { planProposal } : {}),
  };
}

/** The views an entry from `source` belongs to, under the consent in force. */
export function viewsOf(source: string, consent: SharingConsent | null): ViewKey[] {
  const keys: ViewKey[] = (VIEW_AGENCIES as readonly string[]).includes(source) ? [source as ViewAgency] : [];
  if (sharingCircle(consent).has(source as Agency)) keys.push('circle');
  return keys;
}

/** The view a staff reader of `agency` is shown under the consent in force; null for readers that lists never serve. */
export function viewFor(agency: string, consent: SharingConsent | null): ViewKey | null {
  if (!(VIEW_AGENCIES as readonly string[]).includes(agency)) return null;
  return sharingCircle(consent).has(agency as Agency) ? 'circle' : (agency as ViewAgency);
}

/** The first day an alert of this view shows (`due <= today` is read in SQL), or null when none is pending. */
export function dueOn(view: ParticipantView): string | null {
  const alerts = alertsDueOn(view.alerts);
  return Object.keys(view.requests).length > 0 ? ALWAYS_DUE : alerts;
}

/** Whether an event must re-fold the participant rather than be applied on top: it changes the consent, erases, or arrived late. */
export function needsRefold(facts: ParticipantFacts, event: SharedEvent): boolean {
  if (event.type === 'ConsentGiven' || event.type === 'ConsentWithdrawn' || event.type === 'ParticipantErased') return true;
  return facts.lastAt !== null && Date.parse(event.occurredAt) < Date.parse(facts.lastAt);
}

/**
 * Pure: a participant's facts and views from their whole timeline in timeline order (occurred, then arrival): what the
 * reads fold today, and what the rebuild writes.
 */
export function foldParticipant(participantId: string, timeline: readonly SharedEvent[]): { facts: ParticipantFacts; views: Map<ViewKey, ParticipantView> } {
  const facts = timeline.reduce(evolveFacts, emptyFacts(participantId));
  // The consent in force is the latest's; views hold the entries that consent puts in them.
  const views = new Map<ViewKey, ParticipantView>();
  for (const event of timeline) {
    for (const key of viewsOf(event.source, facts.consent)) views.set(key, evolveView(views.get(key) ?? emptyView(participantId), event));
  }
  return { facts, views };
}

const laterOf = (a: string | null, b: string): string => (a === null || Date.parse(b) > Date.parse(a) ? b : a);
