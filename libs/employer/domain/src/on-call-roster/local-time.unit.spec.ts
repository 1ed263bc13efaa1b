import { instantToLocal, localToInstant, toInstant } from './local-time';

describe('local times in a team time zone', () => {
  describe('localToInstant', () => {
    it.each([
      ['winter in Oslo (UTC+1)', '2026-03-02T16:00', 'Europe/Oslo', '2026-03-02T15:00:00.000Z'],
      ['summer in Oslo (UTC+2)', '2026-06-01T08:00', 'Europe/Oslo', '2026-06-01T06:00:00.000Z'],
      ['Stockholm, seconds given', '2026-03-02T08:00:30', 'Europe/Stockholm', '2026-03-02T07:00:30.000Z'],
      ['UTC', '2026-03-02T08:00', 'UTC', '2026-03-02T08:00:00.000Z'],
      ['a zone behind UTC', '2026-03-02T08:00', 'America/New_York', '2026-03-02T13:00:00.000Z'],
    ])('reads %s', (_, local, zone, instant) => {
      expect(localToInstant(local, zone)).toBe(instant);
    });

    it('takes the first of a time that happens twice when the clocks go back', () => {
      expect(localToInstant('2026-10-25T02:30', 'Europe/Oslo')).toBe('2026-10-25T00:30:00.000Z');
    });

    it('moves a time that never happens when the clocks go forward to just after the jump', () => {
      expect(localToInstant('2026-03-29T02:30', 'Europe/Oslo')).toBe('2026-03-29T01:30:00.000Z');
    });

    it.each(['2026-02-30T08:00', '2026-03-02 08:00', '2026-03-02T25:00', 'tomorrow'])('refuses %p', (local) => {
      expect(localToInstant(local, 'Europe/Oslo')).toBeNull();
    });
  });

  describe('toInstant', () => {
    it('keeps an instant given with its zone', () => {
      expect(toInstant('2026-03-02T16:00:00Z', 'Europe/Oslo')).toBe('2026-03-02T16:00:00.000Z');
      expect(toInstant('2026-03-02T16:00+01:00', 'America/New_York')).toBe('2026-03-02T15:00:00.000Z');
    });

    it('reads a bare local time in the team zone', () => {
      expect(toInstant('2026-03-02T16:00', 'Europe/Oslo')).toBe('2026-03-02T15:00:00.000Z');
    });

    it.each(['2026-02-30T16:00:00Z', '2026-03-02T16:00:00+1', '2026-03-02', ''])('refuses %p', (value) => {
      expect(toInstant(value, 'Europe/Oslo')).toBeNull();
    });
  });

  describe('instantToLocal', () => {
    it('shows an instant as the team reads it, with the offset in force then', () => {
      expect(instantToLocal('2026-03-02T15:00:00.000Z', 'Europe/Oslo')).toBe('2026-03-02T16:00+01:00');
      expect(instantToLocal('2026-06-01T06:00:00.000Z', 'Europe/Oslo')).toBe('2026-06-01T08:00+02:00');
      expect(instantToLocal('2026-03-02T13:00:00.000Z', 'America/New_York')).toBe('2026-03-02T08:00-05:00');
    });
  });
});
