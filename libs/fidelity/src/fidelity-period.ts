/** The period a fidelity review covers, both days inclusive, and the team it narrows to. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface Scope {
  readonly period: Period;
  /** An employment specialist id, or null for the whole team. */
  readonly team: string | null;
}

const DAY = 86_400_000;
const at = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

export const addDays = (date: string, days: number): string => new Date(at(date) + days * DAY).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string): number => Math.round((at(to) - at(from)) / DAY);
export const periodDays = (period: Period): number => daysBetween(period.from, period.to) + 1;
export const within = (date: string, period: Period): boolean => date >= period.from && date <= period.to;

/** Without `from` and `to`: the 90 days up to today. */
export const DEFAULT_PERIOD_DAYS = 90;

export interface PeriodProblem {
  readonly field: 'from' | 'to';
  readonly message: string;
}

/** The period asked for (dates already checked as real dates), or what is wrong with it. */
export function resolvePeriod(from: string | undefined, to: string | undefined, today: string): Period | PeriodProblem[] {
  const end = to ?? today;
  const start = from ?? addDays(end, -(DEFAULT_PERIOD_DAYS - 1));
  const problems: PeriodProblem[] = [];
  if (end > today) problems.push({ field: 'to', message: `must not be after today (${today})` });
  if (start > end) problems.push({ field: 'from', message: `must not be after to (${end})` });
  return problems.length > 0 ? problems : { from: start, to: end };
}
