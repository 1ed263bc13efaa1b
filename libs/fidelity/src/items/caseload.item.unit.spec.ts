import { caseload } from './caseload.item';
import { discharged, enrolled, given } from '../testing';
import { Scope } from '../fidelity-period';

const scope: Scope = { period: { from: '2026-01-01', to: '2026-03-31' }, team: null };

/** `count` participants enrolled with `specialist` on 2026-01-05. */
const caseloadOf = (specialist: string, count: number) =>
  Array.from({ length: count }, (_, i) => given(`${specialist}-${i}`, enrolled(`${specialist}-${i}`, '2026-01-05', specialist)));

describe('S1 caseload', () => {
  it.each([
    [20, 5],
    [21, 4],
    [25, 4],
    [26, 3],
    [30, 3],
    [31, 2],
    [40, 2],
    [41, 1],
  ])('%i active participants for one specialist score %i', (count, score) => {
    const result = caseload(caseloadOf('es-ingrid', count), scope);
    expect(result.score).toBe(score);
    expect(result.figures).toMatchObject({ participantsPerSpecialist: count, specialists: 1 });
  });

  it('averages over the specialists: 21 and 20 is 20.5 each, a 4', () => {
    const result = caseload([...caseloadOf('es-ingrid', 21), ...caseloadOf('es-per', 20)], scope);
    expect(result).toMatchObject({ score: 4, figures: { participantsPerSpecialist: 20.5, largestCaseload: 21, specialists: 2 } });
  });

  it('counts those on a caseload on the last day: not the discharged, not the ones enrolled after it', () => {
    const participants = [
      given('a', enrolled('a', '2026-01-05')),
      given('b', enrolled('b', '2026-01-05'), discharged('b', '2026-03-31')),
      given('c', enrolled('c', '2026-01-05'), discharged('c', '2026-02-01')),
      given('d', enrolled('d', '2026-04-01')),
      given('e'),
    ];
    const result = caseload(participants, scope);
    expect(result.figures).toMatchObject({ asOf: '2026-03-31', activeParticipants: 1 });
    expect(result.drivers.map((driver) => driver.participantId)).toEqual(['a']);
    expect(result.drivers[0]?.eventIds).toEqual([participants[0]?.enrolment?.eventId]);
  });

  it('narrows to one specialist', () => {
    const result = caseload([...caseloadOf('es-ingrid', 3), ...caseloadOf('es-per', 30)], { ...scope, team: 'es-ingrid' });
    expect(result).toMatchObject({ score: 5, figures: { participantsPerSpecialist: 3, perSpecialist: [{ specialist: 'es-ingrid', caseload: 3 }] } });
  });

  it('has no score without an active participant', () => {
    expect(caseload([], scope)).toMatchObject({ score: null, reason: 'no participant is on a caseload on 2026-03-31' });
  });
});
