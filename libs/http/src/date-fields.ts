import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Validate, ValidatorConstraint } from 'class-validator';
import type { ValidationArguments, ValidatorConstraintInterface } from 'class-validator';

/** A step from today: whole years and days (a fixed date when `date` is set). */
interface Bound {
  readonly date?: string;
  readonly years?: number;
  readonly days?: number;
}

interface DateWindow {
  readonly from: Bound;
  readonly to: Bound;
  /** The window in a caseworker's words, for the refusal and the OpenAPI description. */
  readonly words: string;
}

/**
 * The dates a caseworker can mean, per kind of field: the one place these rules live. Measured from today on the
 * server's real date (UTC): they are bounds of plausibility, years wide, not business rules; the rules to the day
 * (a review date not in the past, an end not before its start, a contact not in the future) are the deciders', on
 * the command's clock. Ten years back everywhere but birth dates: a record may be entered late (catching up, a
 * history taken over from another team), and no IPS follow-up lasts that long. One day ahead for what has happened:
 * the caller's today may already be tomorrow in UTC.
 */
export const DATE_WINDOWS = {
  /** A birth date: nobody on a caseload was born before 1900, nor after today. */
  birth: { from: { date: '1900-01-01' }, to: {}, words: 'from 1900-01-01 to today' },
  /** Something that has happened: a contact, a meeting, a session, a period reviewed. */
  happened: { from: { years: -10 }, to: { days: 1 }, words: 'within the last ten years, not after today' },
  /** A start, an end, a change of terms, a shift: recorded late, or agreed up to two years ahead. */
  planned: { from: { years: -10 }, to: { years: 2 }, words: 'from ten years ago to two years ahead' },
  /** When a team looks at a worry again: weeks ahead as a rule, a year at most. */
  review: { from: { years: -10 }, to: { years: 1 }, words: 'from ten years ago to a year ahead' },
} as const satisfies Record<string, DateWindow>;

export type DateWindowName = keyof typeof DATE_WINDOWS;

const DAY_MS = 86_400_000;
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

const boundOf = (bound: Bound, today: Date): string => {
  if (bound.date) return bound.date;
  const shifted = new Date(Date.UTC(today.getUTCFullYear() + (bound.years ?? 0), today.getUTCMonth(), today.getUTCDate()));
  return isoDay(new Date(shifted.getTime() + (bound.days ?? 0) * DAY_MS));
};

/** The first and last day a field of this window takes today. */
export function dateWindowOn(name: DateWindowName, today: Date = new Date()): { readonly from: string; readonly to: string } {
  const window: DateWindow = DATE_WINDOWS[name];
  return { from: boundOf(window.from, today), to: boundOf(window.to, today) };
}

/** Whether `value` is a calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === value;
}

@ValidatorConstraint({ name: 'calendarDate' })
class CalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCalendarDate(value);
  }
  defaultMessage(): string {
    return 'must be a real date YYYY-MM-DD';
  }
}

/**
 * The day of a date or instant (its first ten characters) lies in the window. Only judged once the value has the
 * shape of one: a malformed value gets its shape's message alone.
 */
@ValidatorConstraint({ name: 'dateWindow' })
export class InDateWindow implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const day = typeof value === 'string' ? value.slice(0, 10) : '';
    if (!isCalendarDate(day)) return true;
    const { from, to } = dateWindowOn(args.constraints[0] as DateWindowName);
    return day >= from && day <= to;
  }
  defaultMessage(args: ValidationArguments): string {
    const name = args.constraints[0] as DateWindowName;
    const { from, to } = dateWindowOn(name);
    return `must be ${DATE_WINDOWS[name].words} (${from} to ${to})`;
  }
}

/** The OpenAPI description of a date field: what it is, then its window. */
export const describeWindow = (window: DateWindowName, description?: string): string =>
  description ? `${description}; ${DATE_WINDOWS[window].words}` : DATE_WINDOWS[window].words;

/** A required real calendar date `YYYY-MM-DD` within its kind's window. */
export const DateField = (example: string, window: DateWindowName, description?: string) =>
  applyDecorators(
    ApiProperty({ example, format: 'date', description: describeWindow(window, description) }),
    IsString(),
    Validate(CalendarDate),
    Validate(InDateWindow, [window]),
  );

export const OptionalDateField = (example: string, window: DateWindowName, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, format: 'date', description: describeWindow(window, description) }),
    IsOptional(),
    IsString(),
    Validate(CalendarDate),
    Validate(InDateWindow, [window]),
  );
