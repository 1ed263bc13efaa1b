/**
 * A day as a team reads it: `YYYY-MM-DD` in the team's own time zone. Memberships start and end on such days, so "is
 * this person on the team now" asks which day it is *for the team*: 23:30 UTC on 31 March is already 1 April in Oslo.
 */
export type TeamDay = string;

/** When a question is asked: an instant (read as each team's own day) or a day given as the teams read it. */
export type OnDate = Date | TeamDay;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      // The programme accepts only zones this same Intl data knows; a service on older time-zone data reads UTC
      // rather than failing every access check of the team.
      format = formatFor('UTC');
    }
    formats.set(timeZone, format);
  }
  return format;
}

/** The calendar day an instant falls on in a time zone (IANA name), by the Intl API's time-zone data. */
export function dayIn(timeZone: string, instant: Date): TeamDay {
  const parts = formatFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** The team's day for `on`: an instant in the team's time zone, or the day as given. */
export function teamDay(timeZone: string, on: OnDate): TeamDay {
  if (on instanceof Date) return dayIn(timeZone, on);
  if (!DAY.test(on)) throw new RangeError(`not a day (YYYY-MM-DD): ${on}`);
  return on;
}

/** A period gives access on `day` from its first day up to, not including, its end (`until`, null while open). */
export const isCurrentOn = (period: { readonly from: TeamDay; readonly until: TeamDay | null }, day: TeamDay): boolean =>
  period.from <= day && (period.until === null || day < period.until);
