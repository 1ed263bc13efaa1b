import { ProblemException } from '@ips/http';
import { Fidelity, FidelityItem } from '@ips/fidelity';

/** Drivers per item on a page, by default and at most (as the caseload list's participants). */
export const DEFAULT_DRIVERS_PAGE = 200;
export const MAX_DRIVERS_PAGE = 500;

export interface DriversPage {
  readonly limit: number;
  readonly offset: number;
}

export interface PagedFidelityItem extends FidelityItem {
  /** The item's drivers the reader may see, on every page. */
  readonly driversTotal: number;
}

export interface PagedFidelity extends Omit<Fidelity, 'items'> {
  readonly items: readonly PagedFidelityItem[];
  /** The `offset` of the next page of drivers while some item has more, else null. */
  readonly next: number | null;
}

/** An optional whole-number query parameter within bounds, else 400 REQUEST.INVALID_QUERY. */
function wholeNumber(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw ProblemException.of(400, 'REQUEST.INVALID_QUERY', `${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** `limit` (1–500, 200 when left out) and `offset` (0 when left out) as the query gives them. */
export const driversPageOf = (limit: string | undefined, offset: string | undefined): DriversPage => ({
  limit: wholeNumber('limit', limit, DEFAULT_DRIVERS_PAGE, 1, MAX_DRIVERS_PAGE),
  offset: wholeNumber('offset', offset, 0, 0, Number.MAX_SAFE_INTEGER),
});

/** Each item's drivers from `offset`, at most `limit` of them; the figures and scores stay those of every participant. */
export function pageOfDrivers(fidelity: Fidelity, { limit, offset }: DriversPage): PagedFidelity {
  const end = offset + limit;
  return {
    ...fidelity,
    items: fidelity.items.map((item) => ({ ...item, drivers: item.drivers.slice(offset, end), driversTotal: item.drivers.length })),
    next: fidelity.items.some((item) => item.drivers.length > end) ? end : null,
  };
}
