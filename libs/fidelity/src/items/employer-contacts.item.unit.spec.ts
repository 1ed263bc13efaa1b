import { addDays, Scope } from '../fidelity-period';
import { employerContact, enrolled, given } from '../testing';
import { employerContacts } from './employer-contacts.item';

/** Four weeks exactly. */
const scope: Scope = { period: { from: '2026-02-02', to: '2026-03-01' }, team: null };

/** A participant of `specialist` with `count` face-to-face contacts, each with its own employer and day. */
const contacts = (p: string, specialist: string, count: number, kind = 'face-to-face') =>
  given(
    p,
    enrolled(p, '2026-01-05', specialist),
    ...Array.from({ length: count }, (_, i) => employerContact(p, addDays('2026-02-02', i % 28), `emp-${p}-${i}`, kind)),
  );

describe('V6 employer contacts', () => {
  it.each([
    [24, 5, 6],
    [23, 4, 5.75],
    [20, 4, 5],
    [19, 3, 4.75],
    [16, 3, 4],
    [15, 2, 3.75],
    [8, 2, 2],
    [7, 1, 1.75],
  ])('%i face-to-face contacts in four weeks by one specialist score %i (%f a week)', (count, score, perWeek) => {
    const result = employerContacts([contacts('a', 'es-ingrid', count)], scope);
    expect(result).toMatchObject({ score, figures: { weeks: 4, perSpecialistPerWeek: perWeek } });
  });

  it('divides by every specialist with a caseload, also one without contacts', () => {
    const result = employerContacts([contacts('a', 'es-ingrid', 24), contacts('b', 'es-per', 0)], scope);
    expect(result).toMatchObject({ score: 2, figures: { specialists: 2, perSpecialistPerWeek: 3 } });
    expect(result.figures.perSpecialist).toEqual([
      { specialist: 'es-ingrid', faceToFaceContacts: 24, perWeek: 6 },
      { specialist: 'es-per', faceToFaceContacts: 0, perWeek: 0 },
    ]);
    expect(result.drivers).toEqual([{ participantId: 'a', eventIds: expect.any(Array), detail: '24 face-to-face employer contacts by es-ingrid' }]);
  });

  it('counts one visit for several participants once, and leaves out phone, video and email', () => {
    const visit = (p: string) => given(p, enrolled(p, '2026-01-05'), employerContact(p, '2026-02-10', 'shared'));
    const result = employerContacts([visit('a'), visit('b'), contacts('c', 'es-ingrid', 5, 'phone')], scope);
    expect(result.figures).toMatchObject({ faceToFaceContacts: 1, otherKinds: 5 });
  });

  it('looks only at contacts in the period, and narrows to one specialist', () => {
    const outside = given('a', enrolled('a', '2026-01-05'), employerContact('a', '2026-01-30'), employerContact('a', '2026-03-02'));
    expect(employerContacts([outside], scope).figures).toMatchObject({ faceToFaceContacts: 0 });
    const result = employerContacts([contacts('a', 'es-ingrid', 24), contacts('b', 'es-per', 0)], { ...scope, team: 'es-ingrid' });
    expect(result).toMatchObject({ score: 5, figures: { specialists: 1 } });
  });

  it('has no score without a specialist with a caseload', () => {
    expect(employerContacts([], scope)).toMatchObject({ score: null, reason: 'no specialist had a caseload in the period' });
  });
});
