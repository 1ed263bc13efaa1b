import { addDays, addYears, localDate } from './team-calendar';

describe('team calendar', () => {
  describe('localDate', () => {
    it("is the team's day, not UTC's, around midnight", () => {
      expect(localDate('2026-12-31T23:30:00.000Z', 'Europe/Oslo')).toBe('2027-01-01');
      expect(localDate('2026-12-31T23:30:00.000Z', 'UTC')).toBe('2026-12-31');
      expect(localDate('2026-07-01T02:00:00.000Z', 'America/New_York')).toBe('2026-06-30');
    });
  });

  describe('addDays and addYears', () => {
    it('steps over month and year ends', () => {
      expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
      expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
      expect(addDays('2026-03-02', -30)).toBe('2026-01-31');
    });

    it('steps whole years, 29 February onto 1 March', () => {
      expect(addYears('2026-03-02', -1)).toBe('2025-03-02');
      expect(addYears('2028-02-29', 1)).toBe('2029-03-01');
    });
  });
});
