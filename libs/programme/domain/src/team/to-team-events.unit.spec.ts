import { teamContracts } from '@ips/contracts';
import { ProgrammeTeamEvent, teamToShared } from '../index';

const teamId = '0190a6f0-0000-7000-8000-00000000b001';
const definedAt = '2026-11-02T09:00:00.000Z';
const addedAt = '2026-11-03T09:00:00.000Z';
const endedAt = '2026-11-20T15:00:00.000Z';
const envelope = {
  id: '0190a6f0-0000-7000-8000-00000000e101',
  recordedBy: { sub: 'adm-1', agency: 'programme', role: 'administrator' },
};
const events: [string, ProgrammeTeamEvent, string, object][] = [
  [
    'team defined',
    { type: 'TeamDefined', data: { teamId, name: 'IPS Trondheim sentrum', municipality: 'Trondheim', timeZone: 'Europe/Oslo', definedAt } },
    definedAt,
    { name: 'IPS Trondheim sentrum', municipality: 'Trondheim', timeZone: 'Europe/Oslo' },
  ],
  [
    'member added',
    {
      type: 'TeamMemberAdded',
      data: { teamId, sub: 'es-ingrid', displayName: 'Ingrid Solberg', agency: 'welfare-office', role: 'employment-specialist', from: '2026-11-03', addedAt },
    },
    addedAt,
    { sub: 'es-ingrid', displayName: 'Ingrid Solberg', agency: 'welfare-office', role: 'employment-specialist', from: '2026-11-03' },
  ],
  [
    'membership ended',
    { type: 'TeamMembershipEnded', data: { teamId, sub: 'es-ingrid', on: '2026-11-20', endedAt } },
    endedAt,
    { sub: 'es-ingrid', on: '2026-11-20' },
  ],
];

describe('team to shared events', () => {
  it.each(events)('maps %s to a valid v1 team event keyed by the team', (_, event, occurredAt, data) => {
    const shared = teamToShared(event, envelope);
    expect(shared).toHaveLength(1);
    expect(teamContracts.validate(shared[0])).toEqual({ ok: true, event: shared[0] });
    expect(shared[0]).toEqual({ ...envelope, type: event.type, version: 1, source: 'programme', teamId, occurredAt, data });
  });
});
