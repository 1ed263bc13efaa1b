const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

export { canonicalTimeZone } from '@ips/utils';

/** Wall-clock fields of `ms` in `timeZone`. */
function wallClock(ms: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute'), second: field('second') };
}

/** Minutes the zone is ahead of UTC at the instant `ms`. */
function offsetMinutes(ms: number, timeZone: string): number {
  const c = wallClock(ms, timeZone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const DAY = 86_400_000;
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant a local wall-clock time (`2026-03-02T16:00`) names in `timeZone`. When the clocks go back
 * and the time happens twice, the first; when they go forward and it never happens, the time as if they
 * had not yet moved, which falls just after the jump (02:30 on a spring-forward night is 03:30).
 */
export function localToInstant(local: string, timeZone: string): string | null {
  const naive = Date.parse(`${local}Z`);
  if (!LOCAL.test(local) || Number.isNaN(naive) || new Date(naive).toISOString().slice(0, 16) !== local.slice(0, 16)) return null;
  const before = offsetMinutes(naive - DAY, timeZone);
  const after = offsetMinutes(naive + DAY, timeZone);
  const fits = [before, after].map((offset) => naive - offset * 60_000).filter((ms) => offsetMinutes(ms, timeZone) * 60_000 === naive - ms);
  const ms = fits.length > 0 ? Math.min(...fits) : naive - before * 60_000;
  return new Date(ms).toISOString();
}

/** A shift boundary as given: an instant with its zone (`Z`, `+01:00`) as it is, a bare local time in the team's zone. */
export function toInstant(value: string, timeZone: string): string | null {
  if (LOCAL.test(value)) return localToInstant(value, timeZone);
  const ms = Date.parse(value);
  if (!WITH_ZONE.test(value) || Number.isNaN(ms)) return null;
  const day = value.slice(0, 10);
  // Date.parse rolls 2026-02-30 into March; a real calendar day does not move.
  return new Date(`${day}T00:00:00Z`).toISOString().startsWith(day) ? new Date(ms).toISOString() : null;
}

/** How people in the team read an instant: `2026-03-02T17:00+01:00`. */
export function instantToLocal(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  const c = wallClock(ms, timeZone);
  const offset = offsetMinutes(ms, timeZone);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}${zone}`;
}
