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
