export { canonicalTimeZone } from '@ips/utils';

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone: a team's "today". */
export function localDate(instant: string, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

const shifted = (day: string, years: number, days: number): string => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + years, month - 1, date + days)).toISOString().slice(0, 10);
};

/** `day` plus whole days (negative: back). */
export const addDays = (day: string, days: number): string => shifted(day, 0, days);

/** `day` plus whole years; 29 February lands on 1 March in a common year. */
export const addYears = (day: string, years: number): string => shifted(day, years, 0);
