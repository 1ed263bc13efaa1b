import { DEFAULT_TEAM_ID, SharedEvent } from '@ips/contracts';
import { summarise } from './timeline-entry.summary';

const request = {
  requestId: '0193b2c4-1f00-7a00-8000-00000000a001',
  placementId: '0193b2c4-1f00-7a00-8000-00000000c101',
  employerId: '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
};
const event = (type: string, data: object, sub = 'hr-kari'): SharedEvent => ({
  id: '0193b2c4-2a00-7b00-8000-00000000e001',
  type,
  version: 1,
  source: 'employer',
  participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
  occurredAt: '2026-03-02T21:00:00.000Z',
  recordedBy: { sub, agency: 'employer', role: 'employer' },
  data: { ...request, ...data } as Record<string, unknown>,
});

describe('timeline lines for the employer contact line', () => {
  it('says how urgent a request is, who has it and by when it must be taken', () => {
    const received = event('ContactRequestReceived', {
      urgency: 'urgent',
      tier: 'employment-specialist',
      assigneeId: 'es-ingrid',
      acknowledgeBy: '2026-03-02T21:15:00.000Z',
    });
    expect(summarise(received)).toBe(
      'Employer contact line: urgent request for the employment specialist on call (es-ingrid); to acknowledge by 2026-03-02 21:15 UTC',
    );
  });

  it('says where an escalation went, also when nobody was on duty there', () => {
    const escalated = (tier: string, assigneeId?: string) =>
      event('ContactRequestEscalated', { level: 1, tier, ...(assigneeId ? { assigneeId } : {}), acknowledgeBy: '2026-03-02T21:30:00.000Z' });
    expect(summarise(escalated('supervisor', 'sup-siri'))).toBe(
      'Employer contact line: not acknowledged in time, escalated to the IPS supervisor on call (sup-siri)',
    );
    expect(summarise(escalated('crisis-service'))).toBe(
      'Employer contact line: not acknowledged in time, escalated to the municipal crisis service (nobody on duty)',
    );
  });

  it('says when nobody above was on duty and the request stayed with its holder', () => {
    const kept = event('ContactRequestEscalated', {
      level: 1,
      tier: 'employment-specialist',
      assigneeId: 'es-ingrid',
      acknowledgeBy: '2026-03-02T21:30:00.000Z',
    });
    expect(summarise(kept)).toBe(
      'Employer contact line: not acknowledged in time; nobody on duty above, so still with the employment specialist on call (es-ingrid), the team told again',
    );
    const keptAtSupervisor = event('ContactRequestEscalated', {
      level: 2,
      tier: 'supervisor',
      assigneeId: 'sup-siri',
      acknowledgeBy: '2026-03-02T21:45:00.000Z',
    });
    expect(summarise(keptAtSupervisor)).toMatch(/still with the IPS supervisor on call \(sup-siri\)/);
  });

  it('names who took and who resolved it, never what the note says', () => {
    expect(summarise(event('ContactRequestAcknowledged', {}, 'es-per'))).toBe('Employer contact line: request taken by es-per');
    expect(summarise(event('ContactRequestResolved', {}, 'sup-siri'))).toBe('Employer contact line: request resolved by sup-siri');
  });
});

describe('timeline lines for referrals and transfers', () => {
  const teamId = '0190a6f0-0000-7000-8000-00000000b001';
  const welfareOffice = (type: string, version: number, data: object): SharedEvent => ({
    ...event(type, {}, 'cw-ola'),
    version,
    source: 'welfare-office',
    recordedBy: { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' },
    data: data as Record<string, unknown>,
  });
  const person = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal' };

  it('reads a referral the same in v1 (before teams) and v2 (with its team)', () => {
    const line = 'Referred to IPS by DPS Lerkendal';
    expect(summarise(welfareOffice('ParticipantReferred', 1, person))).toBe(line);
    expect(summarise(welfareOffice('ParticipantReferred', 2, { ...person, teamId }))).toBe(line);
  });

  it('says from which team to which a participant moved, from when and why (teams by id until the directory names them)', () => {
    const moved = welfareOffice('ParticipantTransferred', 1, { fromTeamId: DEFAULT_TEAM_ID, toTeamId: teamId, reason: 'moved to Heimdal', on: '2026-03-01' });
    expect(summarise(moved)).toBe(`Transferred from the default team to team ${teamId} as of 2026-03-01: moved to Heimdal`);
  });
});
