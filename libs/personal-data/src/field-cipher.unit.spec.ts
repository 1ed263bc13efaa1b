import { randomBytes } from 'node:crypto';
import { ERASED, hasSealed, isSealed, open, openFields, seal, sealFields } from './field-cipher';

const key = randomBytes(32);
const kari = '0190a6f0-0000-7000-8000-000000000001';
const ola = '0190a6f0-0000-7000-8000-000000000002';

describe('personal fields sealed with AES-256-GCM per participant', () => {
  it('reads back what was sealed, and shows nothing of it while sealed', () => {
    const sealed = seal('Kari', key, kari);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('Kari');
    expect(open(sealed, key, kari)).toBe('Kari');
  });

  it('seals the same value differently each time (a fresh IV)', () => {
    expect(seal('Kari', key, kari)).not.toBe(seal('Kari', key, kari));
  });

  it.each([
    ['another key', randomBytes(32), kari],
    ['another participant', key, ola],
  ])('refuses to open with %s', (_, otherKey, participantId) => {
    const sealed = seal('Kari', key, kari);
    expect(() => open(sealed, otherKey as Buffer, participantId as string)).toThrow();
  });

  it('refuses a value altered after sealing', () => {
    const sealed = seal('Kari', key, kari);
    const bytes = Buffer.from(sealed.slice('enc:v1:'.length), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
    expect(() => open(`enc:v1:${bytes.toString('base64')}`, key, kari)).toThrow();
  });

  it('seals only the named fields, and reads every sealed field as erased once the key is gone', () => {
    const data = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal' };
    const sealed = sealFields(data, ['givenName', 'familyName', 'birthDate', 'note'], key, kari);
    expect(sealed.referredBy).toBe('DPS Lerkendal');
    expect(JSON.stringify(sealed)).not.toMatch(/Kari|Nordmann|1994/);
    expect(hasSealed(sealed)).toBe(true);
    expect(openFields(sealed, key, kari)).toEqual(data);
    expect(openFields(sealed, null, kari)).toEqual({ givenName: ERASED, familyName: ERASED, birthDate: ERASED, referredBy: 'DPS Lerkendal' });
  });

  it('seals a list item by item, so it is still a list, sealed or erased', () => {
    const plan = { goals: ['Work in a shop', 'Drive a forklift'], hoursPerWeek: 20 };
    const sealed = sealFields(plan, ['goals'], key, kari);
    expect(sealed.goals).toHaveLength(2);
    expect(sealed.goals.every(isSealed)).toBe(true);
    expect(openFields(sealed, key, kari)).toEqual(plan);
    expect(openFields(sealed, null, kari)).toEqual({ goals: [ERASED, ERASED], hoursPerWeek: 20 });
  });

  it('leaves absent and null fields alone, and does not seal twice', () => {
    const once = sealFields({ note: null, reason: 'moved' } as { note: string | null; reason: string }, ['note', 'reason', 'phone'], key, kari);
    expect(once.note).toBeNull();
    expect('phone' in once).toBe(false);
    expect(sealFields(once, ['reason'], key, kari).reason).toBe(once.reason);
    expect(hasSealed({ note: null, reason: 'moved' })).toBe(false);
  });
});
