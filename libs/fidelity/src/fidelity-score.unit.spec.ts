import { ITEM_IDS, Score, scaleOf } from './fidelity-anchors';
import { bandFor, percent, totalOf } from './fidelity-score';

const scores = (...values: (Score | null)[]): (Score | null)[] => values;
const all = (score: Score, count: number = ITEM_IDS.length): Score[] => Array.from({ length: count }, () => score);

describe('a key figure against its anchors', () => {
  it('reads lower-is-better figures up to each limit, inclusive (S1)', () => {
    const s1 = scaleOf('S1');
    expect([0, 20, 20.1, 25, 25.5, 30, 31, 40, 40.1, 41, 200].map((value) => bandFor(s1, value).score)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1, 1]);
  });

  it('reads higher-is-better figures from each limit, inclusive (V13)', () => {
    const v13 = scaleOf('V13');
    expect([100, 65, 64.9, 50, 49.9, 40, 39.9, 30, 29.9, 0].map((value) => bandFor(v13, value).score)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('leaves the gaps of the anchors to the band below (V6: 3 contacts a week is a 2)', () => {
    const v6 = scaleOf('V6');
    expect([6, 5.99, 5, 4, 3.99, 3, 2, 1.99].map((value) => bandFor(v6, value).score)).toEqual([5, 4, 4, 3, 2, 2, 2, 1]);
  });

  it('will not read a criteria scale as a figure', () => {
    expect(() => bandFor(scaleOf('V12'), 50)).toThrow('scored by its rungs');
  });

  it('rounds percentages to one decimal, so the band matches the figure shown', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(17, 20)).toBe(85);
    expect(percent(1, 1)).toBe(100);
  });
});

describe('total and band', () => {
  it('bands a complete scale: 115 exemplary, 100 good, 74 fair, 73 not IPS', () => {
    const at = (total: number) => {
      const values = all(1);
      let rest = total - values.length;
      for (let i = 0; i < values.length && rest > 0; i++) {
        const add = Math.min(4, rest);
        values[i] = (1 + add) as Score;
        rest -= add;
      }
      return totalOf(values);
    };
    expect(at(125)).toMatchObject({ total: 125, band: 'exemplary', scoredItems: 25 });
    expect(at(115).band).toBe('exemplary');
    expect(at(114).band).toBe('good');
    expect(at(100).band).toBe('good');
    expect(at(99).band).toBe('fair');
    expect(at(74).band).toBe('fair');
    expect(at(73)).toMatchObject({ total: 73, band: 'not-ips' });
    expect(at(25).band).toBe('not-ips');
  });

  it('gives no total and no band while any item is unscored, only what is scored and the reachable range', () => {
    const partial = totalOf([...all(5, 24), null]);
    expect(partial).toEqual({ total: null, band: null, scoredItems: 24, computedTotal: 120, minReachable: 121, maxReachable: 125 });
    expect(totalOf(scores(...all(4, 11), ...Array.from({ length: 14 }, () => null)))).toEqual({
      total: null,
      band: null,
      scoredItems: 11,
      computedTotal: 44,
      minReachable: 58,
      maxReachable: 114,
    });
  });

  it('never bands a list that is not the whole scale', () => {
    expect(totalOf(all(5, 10))).toMatchObject({ total: null, band: null, scoredItems: 10 });
  });
});
