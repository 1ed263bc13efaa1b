import { SharedEvent } from '@ips/contracts';
import { FIDELITY_ANCHORS, ITEM_IDS } from './fidelity-anchors';
import { careerProfile, counselling, employerContact, enrolled, followAlong, participantContact, started, teamLinked } from './testing';
import { fidelityFor, isComputed } from './fidelity';
import { Scope } from './fidelity-period';

const scope: Scope = { period: { from: '2026-01-01', to: '2026-03-31' }, team: null };

/** Two participants of es-ingrid, one of es-per; every phase recorded by the own specialist. */
function team(): Map<string, SharedEvent[]> {
  const person = (p: string, specialist: string, title: string, employer: string): SharedEvent[] => {
    const by = { sub: specialist };
    return [
      enrolled(p, '2026-01-05', specialist),
      teamLinked(p, '2026-01-06', 'DPS Lerkendal'),
      participantContact(p, '2026-01-07', true, by),
      careerProfile(p, '2026-01-08', by),
      employerContact(p, '2026-01-20', employer, 'face-to-face', by),
      counselling(p, '2026-02-01'),
      started(p, `${p}-job`, '2026-02-02', { jobTitle: title, employerId: employer, by }),
      followAlong(p, `${p}-job`, '2026-02-01', by),
      followAlong(p, `${p}-job`, '2026-02-04', by),
    ];
  };
  return new Map([
    ['a', person('a', 'es-ingrid', 'Cook', 'e1')],
    ['b', person('b', 'es-ingrid', 'Baker', 'e2')],
    ['c', person('c', 'es-per', 'Cook', 'e3')],
  ]);
}

describe('the fidelity review of a team', () => {
  it('answers all 25 items in scale order, computed ones from events, the rest left to a reviewer with a reason', () => {
    const fidelity = fidelityFor(team(), scope);
    expect(fidelity.items.map((item) => item.item)).toEqual([...ITEM_IDS]);
    for (const item of fidelity.items) {
      if (item.source === 'reviewer')
        expect({ item: item.item, score: item.score, reason: item.reason }).toEqual({ item: item.item, score: null, reason: expect.any(String) });
    }
    expect(fidelity.items.filter((item) => item.source === 'events').map((item) => item.item)).toEqual(
      FIDELITY_ANCHORS.filter((anchor) => anchor.computed).map((anchor) => anchor.id),
    );
    for (const anchor of FIDELITY_ANCHORS) expect({ id: anchor.id, computed: isComputed(anchor.id) }).toEqual({ id: anchor.id, computed: anchor.computed });
  });

  it('scores what the events show, with the anchor each score stands on', () => {
    const scores = Object.fromEntries(fidelityFor(team(), scope).items.map((item) => [item.item, item.score]));
    expect(scores).toMatchObject({
      S1: 5, // 1.5 per specialist
      S3: 5, // every phase by the own specialist
      O1: 5, // all from one treatment team
      V1: 5, // counselled before every start
      V4: 5, // 15 days to the first face-to-face contact
      V6: 1, // 3 visits in ~13 weeks by 2 specialists
      V8: 3, // Cook, Baker, Cook: 2 types of 3 jobs = 66.7%
      V9: 5, // 3 employers of 3 jobs
      V10: 5,
      V12: null, // no job observed for four months, contacts only in month 1
      V13: 5, // every contact in the community
    });
    const s1 = fidelityFor(team(), scope).items[0];
    expect(s1).toMatchObject({ item: 'S1', name: 'caseload', source: 'events', anchor: { text: '≤20', confirmed: true } });
    const v8 = fidelityFor(team(), scope).items.find((item) => item.item === 'V8');
    expect(v8?.anchor).toEqual({ text: '60–69', confirmed: false });
  });

  it('gives no total or band while items are unscored, only the scored sum and the reachable range', () => {
    const fidelity = fidelityFor(team(), scope);
    expect(fidelity).toMatchObject({
      period: scope.period,
      team: null,
      total: null,
      band: null,
      scoredItems: 10,
      computedTotal: 44,
      minReachable: 59,
      maxReachable: 119,
    });
  });

  it('narrows to one specialist', () => {
    const fidelity = fidelityFor(team(), { ...scope, team: 'es-per' });
    const s1 = fidelity.items.find((item) => item.item === 'S1');
    expect(s1?.figures).toMatchObject({ activeParticipants: 1, perSpecialist: [{ specialist: 'es-per', caseload: 1 }] });
    expect(s1?.drivers.map((driver) => driver.participantId)).toEqual(['c']);
  });
});
