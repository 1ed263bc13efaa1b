import { KnownSharedEvent, SharedEvent } from '@ips/contracts';

/** The event types the outcome facts read. */
export const OUTCOME_FACT_EVENT_TYPES: ReadonlySet<string> = new Set([
  'ParticipantEnrolled',
  'ParticipantDischarged',
  'PlacementStarted',
  'PlacementTermsChanged',
  'PlacementEnded',
]);

/**
 * Where an event stands in the participant's timeline: by `occurredAt`, then by arrival (`seq`, counted per
 * participant). The timeline reads events in that order, so the facts must not depend on the order they arrive in.
 */
export interface Stamp {
  readonly eventId: string;
  /** `occurredAt`, epoch milliseconds. */
  readonly at: number;
  readonly seq: number;
}

export interface DayFact extends Stamp {
  readonly on: string;
}

export interface TermsFact extends Stamp {
  /** Effective from this day. */
  readonly from: string;
  readonly hours: number;
  readonly wage: number;
}

export interface PlacementFacts {
  readonly starts: readonly TermsFact[];
  readonly changes: readonly TermsFact[];
  readonly ends: readonly DayFact[];
}

/**
 * One participant's outcome facts: every enrolment, discharge and placement event they had, reduced to its dates and
 * terms (a few dozen bytes each; no personal data). Which one counts is decided by `careerOf`, by timeline order.
 */
export interface OutcomeFacts {
  /** Events applied so far: the arrival order of the next. */
  readonly seq: number;
  readonly enrolments: readonly DayFact[];
  readonly discharges: readonly DayFact[];
  readonly placements: Readonly<Record<string, PlacementFacts>>;
}

export const initialOutcomeFacts: OutcomeFacts = { seq: 0, enrolments: [], discharges: [], placements: {} };

const NO_PLACEMENT: PlacementFacts = { starts: [], changes: [], ends: [] };

/** Adds a fact to a list unless the same event was applied before (a delivery can come twice). */
const withFact = <T extends Stamp>(list: readonly T[], fact: T): readonly T[] =>
  list.some((known) => known.eventId === fact.eventId) ? list : [...list, fact];

function withPlacement(facts: OutcomeFacts, placementId: string, change: (placement: PlacementFacts) => PlacementFacts): OutcomeFacts {
  return { ...facts, placements: { ...facts.placements, [placementId]: change(facts.placements[placementId] ?? NO_PLACEMENT) } };
}

/** Folds one shared event into a participant's outcome facts. Pure; any other event type leaves them as they are. */
export function evolveOutcomeFacts(facts: OutcomeFacts, shared: SharedEvent): OutcomeFacts {
  if (!OUTCOME_FACT_EVENT_TYPES.has(shared.type)) return facts;
  const event = shared as KnownSharedEvent;
  const stamp: Stamp = { eventId: event.id, at: Date.parse(event.occurredAt), seq: facts.seq };
  const next = { ...facts, seq: facts.seq + 1 };
  switch (event.type) {
    case 'ParticipantEnrolled':
      return { ...next, enrolments: withFact(facts.enrolments, { ...stamp, on: event.occurredAt.slice(0, 10) }) };
    case 'ParticipantDischarged':
      return { ...next, discharges: withFact(facts.discharges, { ...stamp, on: event.occurredAt.slice(0, 10) }) };
    case 'PlacementStarted': {
      const { startDate, hoursPerWeek, hourlyWage } = event.data;
      return withPlacement(next, event.data.placementId, (p) => ({
        ...p,
        starts: withFact(p.starts, { ...stamp, from: startDate, hours: hoursPerWeek, wage: hourlyWage }),
      }));
    }
    case 'PlacementTermsChanged': {
      const { effectiveFrom, hoursPerWeek, hourlyWage } = event.data;
      return withPlacement(next, event.data.placementId, (p) => ({
        ...p,
        changes: withFact(p.changes, { ...stamp, from: effectiveFrom, hours: hoursPerWeek, wage: hourlyWage }),
      }));
    }
    case 'PlacementEnded':
      return withPlacement(next, event.data.placementId, (p) => ({ ...p, ends: withFact(p.ends, { ...stamp, on: event.data.endDate }) }));
    default:
      return facts;
  }
}

export interface Terms {
  /** Effective from this day. */
  readonly from: string;
  readonly hours: number;
  readonly wage: number;
}

export interface Job {
  readonly start: string;
  readonly end: string | null;
  /** The terms at the start, then each change, by the day they take effect (of two on one day, the later recorded last). */
  readonly terms: readonly Terms[];
}

/** What the outcome figures read of a participant: enrolment, discharge and jobs by start. */
export interface Career {
  readonly enrolledOn: string | null;
  readonly dischargedOn: string | null;
  readonly jobs: readonly Job[];
}

const byTimeline = (a: Stamp, b: Stamp): number => a.at - b.at || a.seq - b.seq;
const isAfter = (a: Stamp, b: Stamp): boolean => byTimeline(a, b) > 0;
const latest = <T extends Stamp>(list: readonly T[]): T | null =>
  list.reduce<T | null>((last, fact) => (last === null || !isAfter(last, fact) ? fact : last), null);

/**
 * The career the timeline gives, read in timeline order: the latest enrolment and discharge; per placement, its latest
 * start, and of what came after that start, the terms changes and the latest end (a start before any change or end
 * resets them, and a change or end before any start is of no job).
 */
export function careerOf(facts: OutcomeFacts): Career {
  const jobs: (Job & { stamp: Stamp })[] = [];
  for (const placement of Object.values(facts.placements)) {
    const start = latest(placement.starts);
    if (start === null) continue;
    const changes = placement.changes.filter((change) => isAfter(change, start));
    const terms = [start, ...changes].sort((a, b) => a.from.localeCompare(b.from) || byTimeline(a, b)).map(({ from, hours, wage }) => ({ from, hours, wage }));
    jobs.push({ start: start.from, end: latest(placement.ends.filter((end) => isAfter(end, start)))?.on ?? null, terms, stamp: start });
  }
  jobs.sort((a, b) => a.start.localeCompare(b.start) || byTimeline(a.stamp, b.stamp));
  return {
    enrolledOn: latest(facts.enrolments)?.on ?? null,
    dischargedOn: latest(facts.discharges)?.on ?? null,
    jobs: jobs.map(({ start, end, terms }) => ({ start, end, terms })),
  };
}

/** A participant's events, in any order that keeps each one's arrival, folded. */
export const outcomeFactsOf = (events: readonly SharedEvent[]): OutcomeFacts => events.reduce(evolveOutcomeFacts, initialOutcomeFacts);

/** A career's facts, each with its day: what a quarter ending before that day does not read of it. */
function datedFactsOf(career: Career): Map<string, string> {
  const facts = new Map<string, string>();
  if (career.enrolledOn !== null) facts.set(`enrolled ${career.enrolledOn}`, career.enrolledOn);
  if (career.dischargedOn !== null) facts.set(`discharged ${career.dischargedOn}`, career.dischargedOn);
  career.jobs.forEach((job, n) => {
    facts.set(`job ${n} from ${job.start}`, job.start);
    if (job.end !== null) facts.set(`job ${n} until ${job.end}`, job.end);
    job.terms.forEach((terms, k) => facts.set(`job ${n} terms ${k} ${terms.from} ${terms.hours} ${terms.wage}`, terms.from));
  });
  return facts;
}

/**
 * The first day on which two careers of one participant differ (null: they do not). A quarter's figures read only the
 * facts dated on or before its last day (a job that ends after it is one that lasts; terms from after it are not in
 * force in it), so the figures of a quarter that ended before this day are the same for both (decision 36).
 */
export function firstDayChanged(before: Career, after: Career): string | null {
  const was = datedFactsOf(before);
  const is = datedFactsOf(after);
  let first: string | null = null;
  for (const [fact, day] of was) if (!is.has(fact) && (first === null || day < first)) first = day;
  for (const [fact, day] of is) if (!was.has(fact) && (first === null || day < first)) first = day;
  return first;
}
