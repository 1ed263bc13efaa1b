import { contracts } from './registry';

const valid = {
  id: '01a20000-0000-7000-8000-000000000001',
  type: 'ParticipantEnrolled',
  version: 1,
  source: 'welfare-office',
  participantId: '5b0a3c1e-7d2f-4e55-9a10-2f7c3b8d9e01',
  occurredAt: '2026-03-02T09:00:00.000Z',
  recordedBy: { sub: 'cw-1', agency: 'welfare-office', role: 'caseworker' },
  data: { employmentSpecialistId: 'es-1', contactPersonId: 'cw-1' },
};

describe('validating a shared event against the contract', () => {
  it('accepts a valid event', () => {
    expect(contracts.validate(valid)).toEqual({ ok: true, event: valid });
  });

  it.each([
    ['an unknown version', { ...valid, version: 2 }, 'unknown event ParticipantEnrolled.v2'],
    ['an unknown type', { ...valid, type: 'Nonsense' }, 'unknown event Nonsense.v1'],
    ['the wrong publisher', { ...valid, source: 'employer' }, 'ParticipantEnrolled is published by welfare-office, not employer'],
    ['a missing field', { ...valid, data: { employmentSpecialistId: 'es-1' } }, 'invalid ParticipantEnrolled.v1'],
    ['an extra field', { ...valid, data: { ...valid.data, diagnosis: 'F20' } }, 'invalid ParticipantEnrolled.v1'],
    ['a bad instant', { ...valid, occurredAt: '2026-02-30T09:00:00Z' }, 'invalid envelope'],
    ['no recordedBy', { ...valid, recordedBy: undefined }, 'invalid recordedBy'],
  ])('rejects %s with the reason', (_, event, reason) => {
    const result = contracts.validate(event);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });
});
