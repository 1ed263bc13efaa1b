import { PublishedEvent, SharedEvent, TeamEvent, contractKey, partitionKeyOf } from '@ips/contracts';
import { uuidv7 } from '@ips/utils';
import { Delivery, PublishableMessage } from '../message-bus.port';

/** A welfare-office shared event (v1) for a participant, `n` seconds into 2026. */
export const welfareOfficeEvent = (participantId: string, n: number, type: string, data: Record<string, unknown>): SharedEvent => ({
  id: uuidv7(),
  type,
  version: 1,
  source: 'welfare-office',
  participantId,
  occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  recordedBy: { sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' },
  data,
});

/** A valid ParticipantReferred v1 for a participant, `n` seconds into 2026. */
export const referralEvent = (participantId: string, n: number): SharedEvent =>
  welfareOfficeEvent(participantId, n, 'ParticipantReferred', { givenName: `P${n}`, familyName: 'Test', birthDate: '1990-01-01', referredBy: 'self' });

let sequence = 0;

/** A shared event as the outbox relay hands it to the bus. */
export const asBusMessage = (event: SharedEvent): PublishableMessage => ({
  id: event.id,
  key: event.participantId,
  type: contractKey(event.type, event.version),
  payload: event,
  source: event.source,
  sequence: ++sequence,
});

/** A valid TeamMemberAdded v1 for a team, `n` seconds into 2026. */
export const teamMemberAddedEvent = (teamId: string, n: number, sub = `es-${n}`): TeamEvent => ({
  id: uuidv7(),
  type: 'TeamMemberAdded',
  version: 1,
  source: 'programme',
  teamId,
  occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  recordedBy: { sub: 'adm-1', agency: 'programme', role: 'administrator' },
  data: { sub, displayName: `Person ${n}`, agency: 'welfare-office', role: 'employment-specialist', from: '2026-01-01' },
});

/** Deliveries as a bus hands them out: one stream, positions counting up from `first`. */
export function deliveriesOf(events: readonly PublishedEvent[], first: number, stream = 'outbox:platform'): Delivery[] {
  return events.map((event, n) => ({
    message: { id: event.id, key: partitionKeyOf(event), type: contractKey(event.type, event.version), payload: event, source: event.source },
    cursor: { stream, position: first + n },
  }));
}
