import { contracts } from './registry';
import { SEALED_PREFIX } from './sealed';
import { DEFAULT_TEAM_ID, ParticipantReferredV1, ParticipantReferredV2, teamOfReferral } from './welfare-office.contracts';

const teamId = '0190a6f0-0000-7000-8000-00000000b001';
const envelope = {
  id: '01a20000-0000-7000-8000-000000000001',
  source: 'welfare-office',
  participantId: '5b0a3c1e-7d2f-4e55-9a10-2f7c3b8d9e01',
  occurredAt: '2026-03-02T09:00:00.000Z',
  recordedBy: { sub: 'cw-1', agency: 'welfare-office', role: 'caseworker' },
} as const;
const person = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' };
const v1: ParticipantReferredV1 = { ...envelope, type: 'ParticipantReferred', version: 1, data: person };
const v2: ParticipantReferredV2 = { ...envelope, type: 'ParticipantReferred', version: 2, data: { ...person, teamId } };
const transfer = {
  ...envelope,
  type: 'ParticipantTransferred',
  version: 1,
  data: { fromTeamId: DEFAULT_TEAM_ID, toTeamId: teamId, reason: 'moved to Heimdal', on: '2026-03-02' },
};

describe('ParticipantReferred: v2 names the team, v1 stays readable', () => {
  it('accepts both versions', () => {
    expect(contracts.validate(v1).ok).toBe(true);
    expect(contracts.validate(v2).ok).toBe(true);
  });

  it('requires the team from v2 on, and a v1 takes none', () => {
    expect(contracts.validate({ ...v2, data: person })).toMatchObject({ ok: false, errors: [{ field: 'data.teamId', message: 'is required' }] });
    expect(contracts.validate({ ...v1, data: { ...person, teamId } })).toMatchObject({
      ok: false,
      errors: [{ field: 'data.teamId', message: 'is not part of the contract' }],
    });
    expect(contracts.validate({ ...v2, data: { ...person, teamId: 'team-a' } }).ok).toBe(false);
  });

  it('seals the same fields in both versions, never the team', () => {
    const personal = (version: number) =>
      Object.entries(contracts.find('ParticipantReferred', version)?.fields ?? {})
        .filter(([, spec]) => spec.personal)
        .map(([name]) => name);
    expect(personal(2)).toEqual(personal(1));
    expect(personal(2)).not.toContain('teamId');
  });

  it('reads a v1 referral as one to the default team', () => {
    expect(teamOfReferral(v1)).toBe(DEFAULT_TEAM_ID);
    expect(teamOfReferral(v2)).toBe(teamId);
  });

  it('has a default team id every validator takes as a UUID', () => {
    expect(contracts.validate({ ...v2, data: { ...person, teamId: DEFAULT_TEAM_ID } }).ok).toBe(true);
  });
});

describe('ParticipantTransferred v1', () => {
  it('accepts a transfer, with its reason plain or sealed', () => {
    expect(contracts.validate(transfer).ok).toBe(true);
    expect(contracts.validate({ ...transfer, data: { ...transfer.data, reason: `${SEALED_PREFIX}c2VhbGVk` } }).ok).toBe(true);
  });

  it('seals the reason only', () => {
    const fields = contracts.find('ParticipantTransferred', 1)?.fields ?? {};
    expect(Object.keys(fields).filter((name) => fields[name]?.personal)).toEqual(['reason']);
  });

  it('requires both teams, a reason and a real day', () => {
    const { reason: _, ...reasonless } = transfer.data;
    expect(contracts.validate({ ...transfer, data: reasonless }).ok).toBe(false);
    expect(contracts.validate({ ...transfer, data: { ...transfer.data, toTeamId: 'x' } }).ok).toBe(false);
    expect(contracts.validate({ ...transfer, data: { ...transfer.data, on: '2026-02-30' } }).ok).toBe(false);
  });
});
