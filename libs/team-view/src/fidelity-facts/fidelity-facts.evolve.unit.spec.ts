import { SharedEvent } from '@ips/contracts';
import { factsOf } from '@ips/fidelity';
import { counselling, employerContact, enrolled, event, followAlong, started, teamLinked, termsChanged } from '@ips/fidelity/testing';
import { latestConsent } from '../participant-record';
import { evolveFidelityFacts, fidelityFactsOf, fidelityFactsOfTimeline, initialFidelityFacts, sharedEventsOf } from './fidelity-facts.evolve';

const p = '5b0a3c1e-7d2f-4e55-9a10-2f7c3b8d9e01';
const a1 = '11111111-1111-4111-8111-111111111111';
const ids = (events: readonly { id: string }[]) => events.map((e) => e.id);

/** Given these events arriving in this order, then the stored facts read back as these events in timeline order. */
const given = (...arriving: SharedEvent[]) => {
  const facts = fidelityFactsOf(arriving);
  return {
    facts,
    thenTimeline: (...timeline: SharedEvent[]) => expect(ids(sharedEventsOf(p, facts))).toEqual(ids(timeline)),
  };
};

describe('fidelity facts', () => {
  describe('no facts yet', () => {
    it('passes over events fidelity does not read', () => {
      const referred = event(p, 'ParticipantReferred', '2026-01-02', { givenName: 'Kari' });
      expect(evolveFidelityFacts(initialFidelityFacts, referred)).toBe(initialFidelityFacts);
    });

    it('keeps only the fields fidelity reads: no personal field, no note', () => {
      const contact = event(p, 'ParticipantContactRecorded', '2026-01-10', {
        contactedOn: '2026-01-10',
        mode: 'in-person',
        inCommunity: true,
        note: 'met at the café',
      });
      const [kept] = sharedEventsOf(p, fidelityFactsOf([contact]));
      expect(kept).toEqual({ ...contact, data: { contactedOn: '2026-01-10', inCommunity: true } });
    });
  });

  describe('with events', () => {
    const enrolment = enrolled(p, '2026-01-05');
    const profile = event(p, 'CareerProfileCreated', '2026-01-06', { strengths: [], interests: [] });
    const contact = employerContact(p, '2026-01-20');
    const job = started(p, a1, '2026-02-01');
    const change = termsChanged(p, a1, '2026-03-01');

    it('keeps them in timeline order whatever order they arrive in', () =>
      given(change, contact, job, enrolment, profile).thenTimeline(enrolment, profile, contact, job, change));

    it('keeps the arrival order of events that happened at the same moment', () => {
      const first = counselling(p, '2026-02-01');
      const second = followAlong(p, a1, '2026-02-01');
      given(second, enrolment, first).thenTimeline(enrolment, second, first);
      given(enrolment, first, second).thenTimeline(enrolment, first, second);
    });

    it('counts a second delivery once', () => {
      const once = fidelityFactsOf([enrolment, contact]);
      expect(evolveFidelityFacts(once, contact)).toBe(once);
      expect(evolveFidelityFacts(once, { ...contact, id: contact.id.toUpperCase() })).toBe(once);
    });

    it('gives the fold and the consent the same facts as the timeline does', () => {
      const linked = teamLinked(p, '2026-01-07', 'DPS Nord');
      const consent = event(p, 'ConsentGiven', '2026-01-05', { shareWith: ['mental-health', 'employer'], employerDisclosure: true, note: 'asked twice' });
      const withdrawn = event(p, 'ConsentWithdrawn', '2026-04-01', {});
      const timeline = [enrolment, consent, profile, linked, contact, job, change, withdrawn];
      const stored = sharedEventsOf(p, fidelityFactsOf([withdrawn, change, job, contact, linked, profile, consent, enrolment]));
      expect(factsOf(p, stored)).toEqual(factsOf(p, timeline));
      expect(latestConsent(stored)).toEqual(latestConsent(timeline));
      expect(latestConsent(stored.slice(0, -1))).toEqual({ shareWith: ['mental-health', 'employer'], employerDisclosure: true, recordedBy: 'welfare-office' });
    });

    it('reads a whole timeline, as the rebuild gives it, as the fold of its events in any arrival order', () => {
      const first = counselling(p, '2026-02-01');
      const second = followAlong(p, a1, '2026-02-01');
      const referred = event(p, 'ParticipantReferred', '2026-01-02', { givenName: 'Kari' });
      // Events of one moment stand in the timeline in the order they arrived: the second, the job, the first.
      const timeline = [referred, enrolment, profile, contact, second, job, first, change];
      expect(fidelityFactsOfTimeline([...timeline, contact])).toEqual(
        fidelityFactsOf([change, second, contact, job, first, enrolment, referred, profile, contact]),
      );
    });
  });
});
