import { canonicalTimeZone } from './time-zone';

describe('canonicalTimeZone', () => {
  it('spells an IANA zone as the time-zone database does', () => {
    expect(canonicalTimeZone('Europe/Oslo')).toBe('Europe/Oslo');
    expect(canonicalTimeZone('europe/stockholm')).toBe('Europe/Stockholm');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it.each(['Mars/Olympus_Mons', '+01:00', 'Europe/Oslo ', ''])('knows no zone %p', (zone) => {
    expect(canonicalTimeZone(zone)).toBeNull();
  });
});
