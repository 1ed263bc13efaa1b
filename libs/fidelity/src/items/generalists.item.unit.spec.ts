import { SharedEvent } from '@ips/contracts';
import { careerProfile, employerContact, enrolled, followAlong, given, participantContact, started } from '../testing';
import { Scope } from '../fidelity-period';
import { generalists } from './generalists.item';

const scope: Scope = { period: { from: '2026-01-01', to: '2026-03-31' }, team: null };
const by = (sub: string) => ({ sub });

/** All six phases for participant p, each recorded by `who(phase)`. */
const allPhases = (p: string, who: (phase: string) => string = () => 'es-ingrid'): SharedEvent[] => [
  enrolled(p, '2026-01-05', 'es-ingrid', by(who('intake'))),
  participantContact(p, '2026-01-06', true, by(who('engagement'))),
  careerProfile(p, '2026-01-07', by(who('assessment'))),
  employerContact(p, '2026-01-08', 'e1', 'face-to-face', by(who('job-development'))),
  started(p, 'j1', '2026-02-01', { by: by(who('job-support')) }),
  followAlong(p, 'j1', '2026-02-03', by(who('follow-along'))),
];

describe('S3 generalists', () => {
  it('is a 5 when the own specialist records every phase', () => {
    const result = generalists([given('a', ...allPhases('a'))], scope);
    expect(result).toMatchObject({ score: 5, figures: { phasesObserved: 6, phasesBySameSpecialist: 6 } });
    expect(result.drivers).toEqual([]);
  });

  it('is a 4 when one phase is done by another specialist, and names the events', () => {
    const events = allPhases('a', (phase) => (phase === 'follow-along' ? 'es-per' : 'es-ingrid'));
    const result = generalists([given('a', ...events)], scope);
    expect(result.score).toBe(4);
    expect(result.drivers).toEqual([{ participantId: 'a', eventIds: [events[5]?.id], detail: 'follow-along by es-per; own specialist es-ingrid' }]);
  });

  it('is a 3 for one to four phases, a 2 when another specialist does them all', () => {
    const four = allPhases('a', (phase) => (['job-support', 'follow-along'].includes(phase) ? 'es-per' : 'es-ingrid'));
    expect(generalists([given('a', ...four)], scope).score).toBe(3);
    const one = allPhases('a', (phase) => (phase === 'job-development' ? 'es-ingrid' : 'es-per'));
    expect(generalists([given('a', ...one)], scope).score).toBe(3);
    const none = allPhases('a', () => 'es-per');
    expect(generalists([given('a', ...none)], scope)).toMatchObject({ score: 2, figures: { phasesBySameSpecialist: 0 } });
  });

  it('counts a phase as the own specialist’s from 90% of its work', () => {
    // allPhases has one own employer contact; add `total` more, `others` of them by another specialist
    const contacts = (total: number, others: number) =>
      Array.from({ length: total }, (_, i) => employerContact('a', '2026-01-10', 'e1', 'face-to-face', by(i < others ? 'es-per' : 'es-ingrid')));
    const jobDevelopment = (result: ReturnType<typeof generalists>) =>
      (result.figures.phases as { phase: string; ownPercent: number }[]).find((p) => p.phase === 'job-development')?.ownPercent;
    const ninety = generalists([given('a', ...allPhases('a'), ...contacts(9, 1))], scope);
    expect({ score: ninety.score, own: jobDevelopment(ninety) }).toEqual({ score: 5, own: 90 });
    const eighty = generalists([given('a', ...allPhases('a'), ...contacts(9, 2))], scope);
    expect({ score: eighty.score, own: jobDevelopment(eighty) }).toEqual({ score: 4, own: 80 });
  });

  it('leaves out work recorded by caseworkers or employers, and has no score while a phase has no attributed work', () => {
    const events = allPhases('a', (phase) => (phase === 'follow-along' ? 'employer-1' : 'es-ingrid'));
    events[5] = followAlong('a', 'j1', '2026-02-03', { sub: 'employer-1', role: 'employer' });
    const result = generalists([given('a', ...events)], scope);
    expect(result).toMatchObject({
      score: null,
      reason: 'no work recorded by an employment specialist in the period for: follow-along',
      figures: { phasesObserved: 5 },
    });
    const followAlongPhase = (result.figures.phases as { phase: string; unattributed: number }[]).find((p) => p.phase === 'follow-along');
    expect(followAlongPhase?.unattributed).toBe(1);
  });

  it('takes the intake from the first career profile when a caseworker recorded the enrolment', () => {
    const events = allPhases('a');
    events[0] = enrolled('a', '2026-01-05', 'es-ingrid', { sub: 'cw-ola', role: 'caseworker' });
    const result = generalists([given('a', ...events)], scope);
    expect(result.score).toBe(5);
    expect((result.figures.phases as { phase: string }[])[0]).toMatchObject({ phase: 'intake', attributed: 1, byOwnSpecialist: 1, unattributed: 1 });
  });

  it('looks only at work dated in the period', () => {
    const result = generalists([given('a', ...allPhases('a'))], { ...scope, period: { from: '2026-01-07', to: '2026-03-31' } });
    expect(result.reason).toBe('no work recorded by an employment specialist in the period for: engagement');
  });
});
