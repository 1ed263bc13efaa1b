import { SharedEvent } from '@ips/contracts';

let n = 0;

/** For the unit tests of folds: a shared event of `participantId` at 10:00 UTC on `day`, ids in the order made. */
export const sharedEventOn = (participantId: string, day: string, source: SharedEvent['source'], type: string, data: object): SharedEvent => ({
  id: `01a20000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  type,
  version: 1,
  source,
  participantId,
  occurredAt: `${day}T10:00:00.000Z`,
  recordedBy: { sub: 'x', agency: source, role: 'caseworker' },
  data: data as Record<string, unknown>,
});

/** For the int tests of read models: a small deterministic random source, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * Each participant's events in the order their agency recorded them, interleaved across participants and agencies as
 * a bus would deliver them (an employer's event may arrive before an earlier welfare-office one), some after a later
 * one of their own agency (a resend, another partition), some twice.
 */
export function busArrivals(histories: readonly (readonly SharedEvent[])[], next: () => number): SharedEvent[] {
  const sources: readonly SharedEvent['source'][] = ['welfare-office', 'employer', 'mental-health', 'municipality'];
  const queues = histories.flatMap((events) =>
    sources.map((source) => events.filter((event) => event.source === source).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))),
  );
  const out: SharedEvent[] = [];
  while (queues.some((queue) => queue.length > 0)) {
    const open = queues.filter((queue) => queue.length > 0);
    const queue = open[Math.floor(next() * open.length)] as SharedEvent[];
    const event = (queue.length > 1 && next() < 0.15 ? queue.splice(1, 1)[0] : queue.shift()) as SharedEvent;
    out.push(event);
    if (next() < 0.03) out.push(event);
  }
  return out;
}
