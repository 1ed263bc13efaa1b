import { addDays, Scope } from '../fidelity-period';
import { discharged, employerContact, enrolled, given } from '../testing';
import { rapidJobSearch } from './rapid-job-search.item';

const scope: Scope = { period: { from: '2026-01-01', to: '2026-12-31' }, team: null };

/** Enrolled on 2026-01-02, first face-to-face employer contact `days` later. */
const after = (p: string, days: number) => given(p, enrolled(p, '2026-01-02'), employerContact(p, addDays('2026-01-02', days)));

describe('V4 rapid job search', () => {
  it.each([
    [0, 5],
    [30, 5],
    [31, 4],
    [60, 4],
    [61, 3],
    [150, 3],
    [151, 2],
    [270, 2],
    [271, 1],
  ])('%i days to the first face-to-face contact score %i', (days, score) => {
    const result = rapidJobSearch([after('a', days)], scope);
    expect(result).toMatchObject({ score, figures: { meanDays: days, participants: 1 } });
  });

  it('scores the mean, and shows the median', () => {
    const result = rapidJobSearch([after('a', 10), after('b', 20), after('c', 63)], scope);
    expect(result).toMatchObject({ score: 4, figures: { meanDays: 31, medianDays: 20 } });
    expect(result.drivers.map((driver) => driver.detail)).toEqual([
      '10 days to the first face-to-face contact',
      '20 days to the first face-to-face contact',
      '63 days to the first face-to-face contact',
    ]);
  });

  it('only counts face-to-face contacts', () => {
    const p = given('a', enrolled('a', '2026-01-02'), employerContact('a', '2026-01-03', 'e1', 'phone'), employerContact('a', '2026-03-03'));
    expect(rapidJobSearch([p], scope).figures).toMatchObject({ meanDays: 60 });
  });

  it('counts those still waiting past 30 days with their days so far, not those within 30 days', () => {
    const period = { from: '2026-01-01', to: '2026-03-31' };
    const waitingLong = given('a', enrolled('a', '2026-01-30'));
    const waitingShort = given('b', enrolled('b', '2026-03-15'));
    const result = rapidJobSearch([waitingLong, waitingShort, after('c', 10)], { ...scope, period });
    expect(result).toMatchObject({ score: 4, figures: { participants: 2, stillWaiting: 1, meanDays: 35 } });
    expect(result.drivers[0]?.detail).toBe('no face-to-face employer contact in 60 days');
  });

  it('leaves out first contacts before the period and the discharged who never had one', () => {
    const period = { from: '2026-03-01', to: '2026-03-31' };
    const result = rapidJobSearch([after('a', 10), given('b', enrolled('b', '2026-01-02'), discharged('b', '2026-02-01'))], { ...scope, period });
    expect(result).toMatchObject({ score: null, figures: { participants: 0 } });
    expect(result.reason).toContain('nobody waiting more than 30 days');
  });
});
