/**
 * Small-cell suppression for figures across teams (domain.md: "suppress cells under 5 people, and a second cell where a
 * total would reveal the hidden one"). Pure: the figures are computed first, then this decides what may be shown.
 *
 * - A count of 1–4 participants is a small cell: shown as `"<5"` (primary suppression). 0 is not a small cell: that
 *   nobody in a team had a job in the quarter describes the team, not a person, and it is shown.
 * - Secondary suppression: wherever a total equals the sum of its parts (a measure across the teams and the total
 *   column; served = employed + not employed within one team), exactly one unknown cell could be worked out by
 *   subtraction. Then the next smallest shown non-zero part is hidden too, shown as `"suppressed"` (it may be 5 or
 *   more, so it is not labelled "<5"); with no such part, the total; as a last resort a zero part. Repeated until no
 *   identity has exactly one unknown cell that must stay hidden.
 * - A part that is never shown but follows from what is (the participants served who were not employed) is an
 *   implicit cell: when it is 1–4 it is protected like a shown one, so "8 of 10 employed" does not reveal that 2 were
 *   not.
 */

/** A count of 1–4 participants. */
export const SMALL_CELL = '<5' as const;
/** A cell hidden so that a small one cannot be worked out from a total and the others. */
export const SUPPRESSED = 'suppressed' as const;
/** Counts under this (and over 0) are small cells. */
export const SMALL_CELL_THRESHOLD = 5;

export type Hidden = typeof SMALL_CELL | typeof SUPPRESSED;
/** A count as shown: the number, or why it is not shown. */
export type Shown = number | Hidden;

export interface Cell {
  readonly id: string;
  readonly value: number;
  /** False: not shown, but it follows from the cells that are (a complement). Shown unless told. */
  readonly implicit?: boolean;
}

/** `total` = the sum of `parts` (cell ids). */
export interface Identity {
  readonly total: string;
  readonly parts: readonly string[];
}

export const isSmall = (value: number): boolean => value > 0 && value < SMALL_CELL_THRESHOLD;

/**
 * Which shown cells to hide, and how: `"<5"` for a small cell, `"suppressed"` for one hidden to protect another.
 * Cells not in the answer are shown as they are. Deterministic: of two candidates of one value, the first by id.
 */
export function suppressCells(cells: readonly Cell[], identities: readonly Identity[]): Map<string, Hidden> {
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  const cellOf = (id: string): Cell => {
    const cell = byId.get(id);
    if (!cell) throw new Error(`suppression: no cell ${id}`);
    return cell;
  };
  const hidden = new Map<string, Hidden>();
  for (const cell of cells) if (!cell.implicit && isSmall(cell.value)) hidden.set(cell.id, SMALL_CELL);
  const unknown = (id: string): boolean => cellOf(id).implicit === true || hidden.has(id);
  /** What must not be worked out: a hidden cell, or an implicit small one. */
  const protectedCell = (id: string): boolean => hidden.has(id) || (cellOf(id).implicit === true && isSmall(cellOf(id).value));
  const candidate = (id: string): boolean => !unknown(id);
  const byValue = (a: string, b: string): number => cellOf(a).value - cellOf(b).value || a.localeCompare(b);
  for (let changed = true; changed;) {
    changed = false;
    for (const { total, parts } of identities) {
      const unknowns = [total, ...parts].filter(unknown);
      if (unknowns.length !== 1 || !protectedCell(unknowns[0] as string)) continue;
      const shownParts = parts.filter(candidate).sort(byValue);
      const pick = shownParts.find((id) => cellOf(id).value > 0) ?? (candidate(total) ? total : undefined) ?? shownParts[0];
      if (pick === undefined) throw new Error(`suppression: nothing left to hide around ${total}`);
      hidden.set(pick, SUPPRESSED);
      changed = true;
    }
  }
  return hidden;
}

/**
 * What a reader can work out from the shown cells by the identities, one subtraction at a time (each identity with
 * exactly one unknown cell gives it, and that may give the next): the ids of the hidden or implicit cells so derived.
 * For tests and checks: after `suppressCells`, no hidden cell and no implicit small cell may be among them.
 */
export function derivableCells(cells: readonly Cell[], identities: readonly Identity[], hidden: ReadonlyMap<string, Hidden>): Set<string> {
  const known = new Set(cells.filter((cell) => !cell.implicit && !hidden.has(cell.id)).map((cell) => cell.id));
  const derived = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const { total, parts } of identities) {
      const unknowns = [total, ...parts].filter((id) => !known.has(id));
      if (unknowns.length !== 1) continue;
      const id = unknowns[0] as string;
      known.add(id);
      derived.add(id);
      changed = true;
    }
  }
  return derived;
}

/**
 * What a reader can work out from the shown cells by any combination of the identities (linear algebra, not only one
 * subtraction at a time: a hidden cell between two groups of hidden cells can follow from summing whole groups): the
 * ids of the hidden or implicit cells whose value the shown cells fix. Stronger than `derivableCells`.
 */
export function determinedCells(cells: readonly Cell[], identities: readonly Identity[], hidden: ReadonlyMap<string, Hidden>): Set<string> {
  const unknown = cells.filter((cell) => cell.implicit || hidden.has(cell.id)).map((cell) => cell.id);
  const column = new Map(unknown.map((id, index) => [id, index]));
  // Each identity as a row over the unknown cells: total − parts = 0 (the shown cells only move the right-hand side).
  const rows = identities
    .map(({ total, parts }) => {
      const row = new Array<number>(unknown.length).fill(0);
      const add = (id: string, sign: number) => {
        const index = column.get(id);
        if (index !== undefined) row[index] = (row[index] as number) + sign;
      };
      add(total, 1);
      for (const part of parts) add(part, -1);
      return row;
    })
    .filter((row) => row.some((value) => value !== 0));
  // Reduced row echelon form: a cell is fixed when the row of its pivot has nothing else in it.
  const EPSILON = 1e-9;
  const pivots: { row: number[]; column: number }[] = [];
  let remaining = rows;
  for (let col = 0; col < unknown.length; col++) {
    const at = remaining.findIndex((row) => Math.abs(row[col] as number) > EPSILON);
    if (at === -1) continue;
    const pivot = (remaining[at] as number[]).map((value) => value / ((remaining[at] as number[])[col] as number));
    const eliminate = (row: number[]) => {
      const factor = row[col] as number;
      return Math.abs(factor) > EPSILON ? row.map((value, index) => value - factor * (pivot[index] as number)) : row;
    };
    remaining = remaining.filter((_, index) => index !== at).map(eliminate);
    for (const entry of pivots) entry.row = eliminate(entry.row);
    pivots.push({ row: pivot, column: col });
  }
  return new Set(
    pivots
      .filter(({ row, column: col }) => row.every((value, index) => index === col || Math.abs(value) <= EPSILON))
      .map(({ column: col }) => unknown[col] as string),
  );
}

/** A count as shown, after `suppressCells`. */
export const shownCount = (hidden: ReadonlyMap<string, Hidden>, id: string, value: number): Shown => hidden.get(id) ?? value;

/**
 * A rate or ratio read from counts: null when there is nothing to divide by (`value` null); `"<5"` when one of the
 * counts it is computed from is 1–4 (shown or not); `"suppressed"` when one of them is hidden to protect another (it
 * would give that count back); else the value.
 */
export function shownRate(value: number | null, counts: readonly { readonly value: number; readonly shown?: Shown }[]): Shown | null {
  if (value === null) return null;
  if (counts.some((count) => isSmall(count.value) || count.shown === SMALL_CELL)) return SMALL_CELL;
  if (counts.some((count) => count.shown === SUPPRESSED)) return SUPPRESSED;
  return value;
}

/**
 * A mean or median over `base` participants (or jobs): null over none, `"<5"` over 1–4, else the value. A mean does
 * not give its base back, so a base hidden to protect another cell does not hide it.
 */
export const shownMean = (value: number | null, base: number): Shown | null => (value === null || base === 0 ? null : isSmall(base) ? SMALL_CELL : value);

/** For the CSV and the printed report: a figure as text ('' for none). */
export const asText = (value: Shown | string | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/**
 * The cells of a total over some of the teams (`teams=` asks for a subset), given the suppression of the table of
 * every team and the grand total: a count is shown only when it follows from what that table shows anyway (every
 * selected team's cell is shown, or the grand total and every team left out are), so that no two answers together
 * give a hidden cell back (the total of A and B, less A alone, would be B). Else `"suppressed"`; 1–4 is `"<5"` always.
 * `cells` are the subset total's own (their ids are not looked up in `hidden`); `idOf` names a cell of the full table.
 */
export function subsetTotalHidden(
  cells: readonly { readonly id: string; readonly name: string; readonly value: number }[],
  teams: readonly string[],
  selected: ReadonlySet<string>,
  grandTotal: string,
  hidden: ReadonlyMap<string, Hidden>,
  idOf: (column: string, name: string) => string,
): Map<string, Hidden> {
  const answer = new Map<string, Hidden>();
  for (const { id, name, value } of cells) {
    const shown = (column: string): boolean => !hidden.has(idOf(column, name));
    const inside = teams.filter((team) => selected.has(team));
    const outside = teams.filter((team) => !selected.has(team));
    const known = inside.every(shown) || (shown(grandTotal) && outside.every(shown));
    if (isSmall(value)) answer.set(id, SMALL_CELL);
    else if (!known) answer.set(id, SUPPRESSED);
  }
  return answer;
}
