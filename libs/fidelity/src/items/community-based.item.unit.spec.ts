import { communityBased } from './community-based.item';
import { enrolled, given, participantContact } from '../testing';
import { Scope } from '../fidelity-period';

const scope: Scope = { period: { from: '2026-01-01', to: '2026-03-31' }, team: null };

/** A participant with `out` of `all` contacts in the community. */
const contacts = (p: string, out: number, all: number) =>
  given(p, enrolled(p, '2025-12-01'), ...Array.from({ length: all }, (_, i) => participantContact(p, '2026-02-01', i < out)));

describe('V13 community-based', () => {
  it.each([
    [13, 20, 5, 65],
    [12, 20, 4, 60],
    [10, 20, 4, 50],
    [9, 20, 3, 45],
    [8, 20, 3, 40],
    [7, 20, 2, 35],
    [6, 20, 2, 30],
    [5, 20, 1, 25],
  ])('%i of %i contacts in the community score %i (%i%%)', (out, all, score, share) => {
    expect(communityBased([contacts('a', out, all)], scope)).toMatchObject({ score, figures: { inCommunityPercent: share } });
  });

  it('pools the team’s contacts, and says per participant how many were out', () => {
    const result = communityBased([contacts('a', 2, 2), contacts('b', 0, 2)], scope);
    expect(result).toMatchObject({ score: 4, figures: { contacts: 4, inCommunity: 2, inCommunityPercent: 50 } });
    expect(result.drivers.map((driver) => [driver.participantId, driver.detail, driver.eventIds.length])).toEqual([
      ['a', '2 of 2 contacts in the community', 2],
      ['b', '0 of 2 contacts in the community', 2],
    ]);
  });

  it('has no score without contacts in the period', () => {
    const outside = given('a', enrolled('a', '2025-12-01'), participantContact('a', '2025-12-20', true));
    expect(communityBased([outside], scope)).toMatchObject({ score: null, reason: 'no contact with a participant recorded in the period' });
  });
});
