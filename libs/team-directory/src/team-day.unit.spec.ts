import { dayIn, isCurrentOn, teamDay } from './team-day';

describe("a team's day", () => {
  it('reads an instant in the time zone, across midnight and the change to summer time', () => {
    expect(dayIn('Europe/Oslo', new Date('2026-03-31T21:59:59.999Z'))).toBe('2026-03-31');
    expect(dayIn('Europe/Oslo', new Date('2026-03-31T22:00:00.000Z'))).toBe('2026-04-01');
    expect(dayIn('Europe/Oslo', new Date('2026-01-31T23:00:00.000Z'))).toBe('2026-02-01'); // winter: +1
    expect(dayIn('America/New_York', new Date('2026-04-01T03:59:00.000Z'))).toBe('2026-03-31');
    expect(dayIn('Pacific/Kiritimati', new Date('2026-03-31T10:00:00.000Z'))).toBe('2026-04-01'); // +14
  });

  it('reads a zone the time-zone data does not know as UTC', () => {
    expect(dayIn('Mars/Olympus_Mons', new Date('2026-03-31T23:30:00.000Z'))).toBe('2026-03-31');
  });

  it('takes a day as given, and refuses what is not one', () => {
    expect(teamDay('Europe/Oslo', '2026-04-01')).toBe('2026-04-01');
    expect(() => teamDay('Europe/Oslo', '2026-4-1')).toThrow(RangeError);
  });

  it('counts a period from its first day up to, not including, its end', () => {
    const period = { from: '2026-01-05', until: '2026-02-01' };
    expect(['2026-01-04', '2026-01-05', '2026-01-31', '2026-02-01'].map((day) => isCurrentOn(period, day))).toEqual([false, true, true, false]);
    expect(isCurrentOn({ from: '2026-01-05', until: null }, '2030-01-01')).toBe(true);
    expect(isCurrentOn({ from: '2026-01-05', until: '2026-01-05' }, '2026-01-05')).toBe(false);
  });
});
