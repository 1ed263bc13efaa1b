import { FIDELITY_ANCHORS, ITEM_IDS, anchorOf, bandOf, parameterOf, scaleOf } from './fidelity-anchors';

describe('the IPS-25 anchors table', () => {
  it('has the 25 items once each, in scale order', () => {
    expect(FIDELITY_ANCHORS.map((anchor) => anchor.id)).toEqual([...ITEM_IDS]);
  });

  it('gives every computed item a scale with scores 5 to 1, the lowest unbounded, and says why the others are not computed', () => {
    for (const anchor of FIDELITY_ANCHORS) {
      if (!anchor.computed) {
        expect({ id: anchor.id, reason: anchor.notComputed }).toEqual({ id: anchor.id, reason: expect.stringMatching(/\w/) });
        continue;
      }
      const scale = anchor.scale;
      expect(scale?.bands.map((band) => band.score)).toEqual([5, 4, 3, 2, 1]);
      expect(scale?.bands.at(-1)?.bound).toBeNull();
      if (scale && scale.kind !== 'criteria') {
        const bounds = scale.bands.slice(0, 4).map((band) => band.bound as number);
        const sorted = [...bounds].sort((a, b) => (scale.kind === 'at-most' ? a - b : b - a));
        expect({ id: anchor.id, bounds }).toEqual({ id: anchor.id, bounds: sorted });
      }
    }
  });

  it('computes exactly the items the brief lists from events, and leaves O3 to a reviewer with a reason', () => {
    expect(FIDELITY_ANCHORS.filter((anchor) => anchor.computed).map((anchor) => anchor.id)).toEqual([
      'S1',
      'S3',
      'O1',
      'V1',
      'V4',
      'V6',
      'V8',
      'V9',
      'V10',
      'V12',
      'V13',
    ]);
    expect(anchorOf('O3')).toMatchObject({ computed: false, fromEvents: 'yes', notComputed: expect.stringContaining('caseworker') });
  });

  it('marks the rows domain.md marks ~ as not confirmed, band by band', () => {
    const unconfirmed = (id: Parameters<typeof scaleOf>[0]) =>
      scaleOf(id)
        .bands.filter((band) => !band.confirmed)
        .map((band) => band.score);
    expect(unconfirmed('S1')).toEqual([]);
    expect(unconfirmed('S3')).toEqual([4]);
    expect(unconfirmed('O1')).toEqual([4, 3, 2, 1]);
    expect(unconfirmed('V4')).toEqual([4, 3, 2, 1]);
    expect(unconfirmed('V13')).toEqual([4, 3, 2, 1]);
    for (const id of ['V6', 'V8', 'V9', 'V10', 'V12', 'V1'] as const) expect(unconfirmed(id)).toEqual([5, 4, 3, 2, 1]);
  });

  it('looks up the thresholds of domain.md', () => {
    expect(scaleOf('S1').bands.map((band) => band.bound)).toEqual([20, 25, 30, 40, null]);
    expect(scaleOf('V4').bands.map((band) => band.bound)).toEqual([30, 60, 150, 270, null]);
    expect(scaleOf('V6').bands.map((band) => band.bound)).toEqual([6, 5, 4, 2, null]);
    expect(scaleOf('V13').bands.map((band) => band.bound)).toEqual([65, 50, 40, 30, null]);
    expect(bandOf('V12', 3).text).toBe('≥half of workers for ≥4 months');
    expect(parameterOf('V12', 'daysAfterStart')).toBe(3);
    expect(parameterOf('S3', 'phaseShare')).toBe(0.9);
  });

  it('refuses to look up what is not in the table', () => {
    expect(() => scaleOf('O7')).toThrow('O7 has no scale');
    expect(() => parameterOf('S1', 'nothing')).toThrow('no parameter nothing');
  });
});
