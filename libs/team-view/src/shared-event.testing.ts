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
