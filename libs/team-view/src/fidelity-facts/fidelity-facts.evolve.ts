import { SharedEvent } from '@ips/contracts';

/**
 * The fields of each event type the fidelity items (`factsOf`) and the drivers' visibility (`visibleTo`: the consent
 * in force, an employer named in the event) read. Everything else of the event is left out: no personal field.
 */
const KEPT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  ParticipantEnrolled: ['employmentSpecialistId'],
  ParticipantDischarged: [],
  CareerProfileCreated: [],
  CareerProfileUpdated: [],
  ActionPlanWritten: [],
  ParticipantContactRecorded: ['contactedOn', 'inCommunity'],
  EmployerContactMade: ['employerId', 'kind', 'contactedOn'],
  BenefitsCounsellingHeld: ['heldOn'],
  TreatmentTeamLinked: ['teamName'],
  PlacementStarted: ['placementId', 'employerId', 'jobTitle', 'startDate'],
  PlacementTermsChanged: ['placementId', 'employerId', 'effectiveFrom'],
  PlacementEnded: ['placementId', 'employerId', 'endDate'],
  FollowAlongContactMade: ['placementId', 'employerId', 'contactedOn'],
  ConsentGiven: ['shareWith', 'employerDisclosure'],
  ConsentWithdrawn: [],
};

/** The event types the fidelity facts keep. */
export const FIDELITY_FACT_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(KEPT_FIELDS));

/**
 * A shared event cut down to what fidelity reads, as a tuple (a participant has dozens; names repeated in every one
 * made the rows twice the size): id, type, version, source, `occurredAt`, who recorded it (sub, agency, role), then
 * the values of the type's kept fields in `KEPT_FIELDS` order (null when absent).
 */
export type FactEvent = readonly [
  id: string,
  type: string,
  version: number,
  source: SharedEvent['source'],
  occurredAt: string,
  sub: string,
  agency: string,
  role: string,
  ...values: unknown[],
];

/**
 * One participant's fidelity facts: their events of the kept types, cut down, in timeline order (by `occurredAt`, then
 * by arrival). The fold (`factsOf`) and the consent in force (`latestConsent`) depend on that order, so it is kept
 * whatever order the events arrive in: an event is inserted after every event that happened no later, which is
 * where the timeline puts it. So the consumer (arrival order) and the rebuild (timeline order) write the same rows.
 * (`occurredAt` is compared to the millisecond; the timeline keeps microseconds, which no publisher fills.)
 */
export interface FidelityFacts {
  readonly events: readonly FactEvent[];
}

export const initialFidelityFacts: FidelityFacts = { events: [] };

const cut = (event: SharedEvent, fields: readonly string[]): FactEvent => [
  event.id,
  event.type,
  event.version,
  event.source,
  event.occurredAt,
  event.recordedBy.sub,
  event.recordedBy.agency,
  event.recordedBy.role,
  ...fields.map((field) => event.data[field] ?? null),
];

const occurredOf = (event: FactEvent): number => Date.parse(event[4]);

/** Folds one shared event into a participant's fidelity facts. Pure; other event types and a second delivery change nothing. */
export function evolveFidelityFacts(facts: FidelityFacts, event: SharedEvent): FidelityFacts {
  const fields = KEPT_FIELDS[event.type];
  if (fields === undefined) return facts;
  const id = event.id.toLowerCase();
  if (facts.events.some((known) => known[0].toLowerCase() === id)) return facts;
  const at = Date.parse(event.occurredAt);
  let index = facts.events.length;
  while (index > 0 && occurredOf(facts.events[index - 1] as FactEvent) > at) index--;
  return { events: [...facts.events.slice(0, index), cut(event, fields), ...facts.events.slice(index)] };
}

/** A participant's events, in an order that keeps each one's arrival among those that happened at the same moment, folded. */
export const fidelityFactsOf = (events: readonly SharedEvent[]): FidelityFacts => events.reduce(evolveFidelityFacts, initialFidelityFacts);

/**
 * A whole timeline, already in timeline order (by `occurredAt`, then arrival), as facts: what `fidelityFactsOf` gives
 * for it, without placing each event by a search and a copy (the rebuild's pages: a history of a few hundred events
 * copied a few hundred times).
 */
export function fidelityFactsOfTimeline(events: readonly SharedEvent[]): FidelityFacts {
  const seen = new Set<string>();
  const kept: FactEvent[] = [];
  for (const event of events) {
    const fields = KEPT_FIELDS[event.type];
    const id = event.id.toLowerCase();
    if (fields === undefined || seen.has(id)) continue;
    seen.add(id);
    kept.push(cut(event, fields));
  }
  return { events: kept };
}

/** The kept events as shared events of this participant, in timeline order: what `factsOf` and `visibleTo` read. */
export const sharedEventsOf = (participantId: string, facts: FidelityFacts): SharedEvent[] =>
  facts.events.map(([id, type, version, source, occurredAt, sub, agency, role, ...values]) => {
    const data: Record<string, unknown> = {};
    (KEPT_FIELDS[type] ?? []).forEach((field, index) => {
      const value = values[index];
      if (value !== null && value !== undefined) data[field] = value;
    });
    return { id, type, version, source, participantId, occurredAt, recordedBy: { sub, agency, role }, data };
  });
