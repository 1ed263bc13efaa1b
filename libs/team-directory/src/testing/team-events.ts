import { randomUUID } from 'node:crypto';
import { TeamDefinedV1, TeamMemberAddedV1, TeamMembershipEndedV1 } from '@ips/contracts';

const administrator = { sub: 'adm-1', agency: 'programme', role: 'administrator' } as const;

/** Team events as the programme publishes them, for tests: each call a new event id. */
export const teamEvents = {
  defined: (teamId: string, data: Partial<TeamDefinedV1['data']> = {}, occurredAt = '2026-01-01T09:00:00.000Z'): TeamDefinedV1 => ({
    id: randomUUID(),
    type: 'TeamDefined',
    version: 1,
    source: 'programme',
    teamId,
    occurredAt,
    recordedBy: administrator,
    data: { name: 'IPS Trondheim sentrum', municipality: 'Trondheim', timeZone: 'Europe/Oslo', ...data },
  }),
  added: (teamId: string, sub: string, data: Partial<TeamMemberAddedV1['data']> = {}, occurredAt = '2026-01-02T09:00:00.000Z'): TeamMemberAddedV1 => ({
    id: randomUUID(),
    type: 'TeamMemberAdded',
    version: 1,
    source: 'programme',
    teamId,
    occurredAt,
    recordedBy: administrator,
    data: { sub, displayName: `Person ${sub}`, agency: 'welfare-office', role: 'employment-specialist', from: '2026-01-05', ...data },
  }),
  ended: (teamId: string, sub: string, on: string, occurredAt = '2026-02-01T09:00:00.000Z'): TeamMembershipEndedV1 => ({
    id: randomUUID(),
    type: 'TeamMembershipEnded',
    version: 1,
    source: 'programme',
    teamId,
    occurredAt,
    recordedBy: administrator,
    data: { sub, on },
  }),
};

export { deliveriesOf } from '@ips/messaging/testing';
