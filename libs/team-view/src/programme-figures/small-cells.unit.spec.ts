import {
  Cell,
  Identity,
  SMALL_CELL,
  SUPPRESSED,
  derivableCells,
  determinedCells,
  isSmall,
  shownMean,
  shownRate,
  subsetTotalHidden,
  suppressCells,
} from './small-cells';
import { outcomeCells } from './programme-outcomes';

/** A measure across teams and its total: cells `a`, `b`, … and `total`, the total = the sum of the others. */
const row = (values: Record<string, number>): { cells: Cell[]; identities: Identity[] } => {
  const parts = Object.keys(values);
  const total = Object.values(values).reduce((sum, value) => sum + value, 0);
  return {
    cells: [...Object.entries(values).map(([id, value]) => ({ id, value })), { id: 'total', value: total }],
    identities: [{ total: 'total', parts }],
  };
};

/** Nothing hidden, and no implicit small cell, can be worked out by subtraction. */
const expectSafe = (cells: readonly Cell[], identities: readonly Identity[], hidden: ReadonlyMap<string, string>) => {
  // One subtraction at a time, and any combination of the identities (linear algebra).
  for (const derived of [derivableCells(cells, identities, hidden as never), determinedCells(cells, identities, hidden as never)]) {
    const exposed = cells.filter((cell) => derived.has(cell.id) && (hidden.has(cell.id) || (cell.implicit && isSmall(cell.value))));
    expect(exposed.map((cell) => cell.id)).toEqual([]);
  }
};

describe('small-cell suppression', () => {
  it('finds by linear algebra what one subtraction at a time does not: a cell between two groups of hidden cells', () => {
    // Given a 2 × 2 block of hidden cells (rows r1, r2; columns c1, c2) and one hidden cell x in a third row whose
    // other cells are known: x = row total − the known ones, found by subtraction; and y, the only unknown in a
    // column whose other cells are each in a block: found only by summing whole rows and columns.
    const cells: Cell[] = ['a', 'b', 'c', 'd', 'y', 'T1', 'T2', 'C1', 'C2', 'C3'].map((id) => ({ id, value: 1 }));
    const identities: Identity[] = [
      { total: 'T1', parts: ['a', 'b'] },
      { total: 'T2', parts: ['c', 'd', 'y'] },
      { total: 'C1', parts: ['a', 'c'] },
      { total: 'C2', parts: ['b', 'd'] },
      { total: 'C3', parts: ['y'] },
    ];
    const hidden = new Map(['a', 'b', 'c', 'd', 'y'].map((id) => [id, SMALL_CELL] as const));
    // y = C3 by one subtraction; a–d stay open (a 2 × 2 cycle)
    expect([...derivableCells(cells, identities, hidden)]).toEqual(['y']);
    expect([...determinedCells(cells, identities, hidden)]).toEqual(['y']);
    // Without C3, y still follows from T2 − (C1 + C2 − T1): the sum of the block is known
    const noC3 = identities.slice(0, 4);
    expect([...derivableCells(cells, noC3, hidden)]).toEqual([]);
    expect([...determinedCells(cells, noC3, hidden)]).toEqual(['y']);
  });

  it('hides nothing when no cell is under 5, and shows 0', () => {
    // Given teams of 12, 0 and 7 participants
    const { cells, identities } = row({ a: 12, b: 0, c: 7 });
    // When suppressed
    const hidden = suppressCells(cells, identities);
    // Then everything is shown
    expect([...hidden]).toEqual([]);
  });

  it('hides a count of 1–4 as "<5" and the next smallest cell of the row as "suppressed", so the total does not give it back', () => {
    // Given teams of 12, 3 and 7 participants and a total of 22
    const { cells, identities } = row({ a: 12, b: 3, c: 7 });
    // When suppressed
    const hidden = suppressCells(cells, identities);
    // Then b is "<5", c (the next smallest) "suppressed", a and the total shown
    expect(Object.fromEntries(hidden)).toEqual({ b: SMALL_CELL, c: SUPPRESSED });
    // And b cannot be worked out: 22 − 12 = b + c, one sum of two unknowns
    expectSafe(cells, identities, hidden);
  });

  it('needs no second cell when two cells are small already', () => {
    const { cells, identities } = row({ a: 12, b: 3, c: 2 });
    const hidden = suppressCells(cells, identities);
    expect(Object.fromEntries(hidden)).toEqual({ b: SMALL_CELL, c: SMALL_CELL });
    expectSafe(cells, identities, hidden);
  });

  it('passes over a zero for the second cell: hiding a known 0 protects nothing', () => {
    const { cells, identities } = row({ a: 12, b: 3, c: 0, d: 9 });
    const hidden = suppressCells(cells, identities);
    expect(Object.fromEntries(hidden)).toEqual({ b: SMALL_CELL, d: SUPPRESSED });
    expectSafe(cells, identities, hidden);
  });

  it('hides the total when a single team is asked for and it is small', () => {
    // Given one team of 3: the total is that team
    const { cells, identities } = row({ a: 3 });
    // When suppressed, then the total is hidden with it
    const hidden = suppressCells(cells, identities);
    expect(Object.fromEntries(hidden)).toEqual({ a: SMALL_CELL, total: '<5' });
    expectSafe(cells, identities, hidden);
  });

  it('protects a complement that is never shown: 8 of 10 employed would tell that 2 were not', () => {
    // Given a team where 10 were served, 8 employed and (not shown) 2 not employed
    const cells: Cell[] = [
      { id: 'served', value: 10 },
      { id: 'employed', value: 8 },
      { id: 'notEmployed', value: 2, implicit: true },
    ];
    const identities = [{ total: 'served', parts: ['employed', 'notEmployed'] }];
    // When suppressed, then the employed count is hidden: served − employed would be the small cell
    const hidden = suppressCells(cells, identities);
    expect(Object.fromEntries(hidden)).toEqual({ employed: SUPPRESSED });
    expectSafe(cells, identities, hidden);
  });

  it('follows a hidden cell through every identity it is in (teams × measures)', () => {
    // Given two teams, A served 6 (all employed) and B served 2 (both employed), and the total
    const columns = new Map([
      ['A', { served: 6, employed: 6, notEmployed: 0, firstStarts: 6, laterStarts: 0, steady: 6, notSteady: 0 }],
      ['B', { served: 2, employed: 2, notEmployed: 0, firstStarts: 2, laterStarts: 0, steady: 1, notSteady: 1 }],
      ['total', { served: 8, employed: 8, notEmployed: 0, firstStarts: 8, laterStarts: 0, steady: 7, notSteady: 1 }],
    ]);
    const { cells, identities } = outcomeCells(columns);
    // When suppressed
    const hidden = suppressCells(cells, identities);
    // Then B's counts are "<5", A's the second cells, and the total's steady workers (8 served − 7 steady = 1): then
    // A's steady workers may stay, B's and the total's being two unknowns of one sum
    expect(Object.fromEntries(hidden)).toEqual({
      'A:served': SUPPRESSED,
      'A:employed': SUPPRESSED,
      'A:firstStarts': SUPPRESSED,
      'B:served': SMALL_CELL,
      'B:employed': SMALL_CELL,
      'B:firstStarts': SMALL_CELL,
      'B:steady': SMALL_CELL,
      'total:steady': SUPPRESSED,
    });
    expectSafe(cells, identities, hidden);
  });

  it('leaves no hidden cell that can be worked out, on any of many random tables', () => {
    // Given random outcome tables of 1 to 5 teams with small and large counts (a fixed seed: the same tables every run)
    let seed = 42;
    const random = (below: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    for (let table = 0; table < 500; table++) {
      const teams = 1 + random(5);
      const columns = new Map<string, Record<string, number>>();
      const total = { served: 0, employed: 0, notEmployed: 0, firstStarts: 0, laterStarts: 0, steady: 0, notSteady: 0 };
      for (let team = 0; team < teams; team++) {
        const served = random(3) === 0 ? random(5) : random(30);
        const employed = random(served + 1);
        const steady = random(served + 1);
        const counts = {
          served,
          employed,
          notEmployed: served - employed,
          firstStarts: random(employed + 1),
          laterStarts: random(4),
          steady,
          notSteady: served - steady,
        };
        columns.set(`t${team}`, counts);
        for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += counts[key];
      }
      columns.set('total', total);
      const { cells, identities } = outcomeCells(columns as never);
      // When suppressed
      const hidden = suppressCells(cells, identities);
      // Then every shown small cell is "<5", and no hidden or implicit small cell follows from what is shown
      for (const cell of cells) if (!cell.implicit && isSmall(cell.value)) expect(hidden.get(cell.id)).toBe(SMALL_CELL);
      expectSafe(cells, identities, hidden);
    }
  });
});

describe('totals of some of the teams (`teams=`)', () => {
  const idOf = (column: string, name: string) => (name === 'm' ? column : `${column}:${name}`);

  it('shows the total of a selection only where the table of every team gives it anyway', () => {
    // Given teams a 12, b 3, c 7 (b "<5", c "suppressed" in the table of all of them, total 22 shown)
    const { cells, identities } = row({ a: 12, b: 3, c: 7 });
    const hidden = suppressCells(cells, identities);
    const totalOf = (selected: string[], value: number) =>
      subsetTotalHidden([{ id: 'subset', name: 'm', value }], ['a', 'b', 'c'], new Set(selected), 'total', hidden, idOf).get('subset') ?? value;
    // Then a alone: shown (a is); a and c: hidden (it would give c, and so b, back); b and c: the grand total less a
    expect(totalOf(['a'], 12)).toBe(12);
    expect(totalOf(['a', 'c'], 19)).toBe(SUPPRESSED);
    expect(totalOf(['b', 'c'], 10)).toBe(10);
    // A total of 1–4 is "<5" whatever follows
    expect(totalOf(['b'], 3)).toBe(SMALL_CELL);
  });

  it('lets no set of answers for different selections give a hidden cell back, on many random rows', () => {
    let seed = 11;
    const random = (below: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    for (let round = 0; round < 300; round++) {
      // Given a row of 2 to 6 teams and its suppression
      const teams = Array.from({ length: 2 + random(5) }, (_, n) => `t${n}`);
      const values = Object.fromEntries(teams.map((team) => [team, random(3) === 0 ? random(5) : random(25)]));
      const { cells, identities } = row(values);
      const hidden = new Map(suppressCells(cells, identities));
      // When every selection of teams is asked for, each answer's total added as a cell of its own
      const allCells = [...cells];
      const allIdentities = [...identities];
      for (let mask = 1; mask < 2 ** teams.length - 1; mask++) {
        const selected = teams.filter((_, index) => mask & (2 ** index));
        const value = selected.reduce((sum, team) => sum + (values[team] as number), 0);
        const id = `s${mask}`;
        const marker = subsetTotalHidden([{ id, name: 'm', value }], teams, new Set(selected), 'total', hidden, idOf).get(id);
        allCells.push({ id, value });
        allIdentities.push({ total: id, parts: selected });
        if (marker) hidden.set(id, marker);
      }
      // Then no team's hidden cell can be worked out from all the answers together
      const derived = derivableCells(allCells, allIdentities, hidden);
      expect(teams.filter((team) => hidden.has(team) && derived.has(team))).toEqual([]);
    }
  });
});

describe('rates and means over small or hidden counts', () => {
  it('shows a rate only when the counts it is read from are shown', () => {
    expect(
      shownRate(0.5, [
        { value: 10, shown: 10 },
        { value: 5, shown: 5 },
      ]),
    ).toBe(0.5);
    expect(
      shownRate(0.75, [
        { value: 4, shown: SMALL_CELL },
        { value: 3, shown: SMALL_CELL },
      ]),
    ).toBe(SMALL_CELL);
    expect(
      shownRate(0.6, [
        { value: 10, shown: 10 },
        { value: 6, shown: SUPPRESSED },
      ]),
    ).toBe(SUPPRESSED);
    // A count never shown (a complement) that is small hides the rate too.
    expect(shownRate(0.8, [{ value: 10, shown: 10 }, { value: 8, shown: 8 }, { value: 2 }])).toBe(SMALL_CELL);
    expect(shownRate(null, [{ value: 0, shown: 0 }])).toBeNull();
  });

  it('shows a mean or median over 5 or more, "<5" over 1–4, null over none', () => {
    expect(shownMean(21.5, 6)).toBe(21.5);
    expect(shownMean(21.5, 4)).toBe(SMALL_CELL);
    expect(shownMean(null, 0)).toBeNull();
  });
});
