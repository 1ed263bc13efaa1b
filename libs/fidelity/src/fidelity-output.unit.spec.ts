import { SharedEvent } from '@ips/contracts';
import { enrolled, participantContact, started, teamLinked } from './testing';
import { fidelityFor } from './fidelity';
import { fidelityCsv } from './fidelity-csv';
import { namedParticipants, withholdUnseen } from './fidelity-drivers';
import { Scope } from './fidelity-period';

const scope: Scope = { period: { from: '2026-01-01', to: '2026-03-31' }, team: null };
const a = [enrolled('a', '2026-01-05'), teamLinked('a', '2026-01-06', 'DPS, team 2'), participantContact('a', '2026-01-07', true)];
const b = [enrolled('b', '2026-01-05'), started('b', 'j', '2026-02-01')];
const team = new Map<string, SharedEvent[]>([
  ['a', a],
  ['b', b],
]);

describe('fidelity as CSV', () => {
  it('has one row per item: item, name, score, key figure and value, source, whether the anchor is confirmed, reason', () => {
    const lines = fidelityCsv(fidelityFor(team, scope)).trimEnd().split('\n');
    expect(lines).toHaveLength(26);
    expect(lines[0]).toBe('item,name,score,keyFigure,value,source,anchorConfirmed,reason');
    expect(lines[1]).toBe('S1,caseload,5,participantsPerSpecialist,2,events,yes,');
    expect(lines.find((line) => line.startsWith('V10,'))).toBe('V10,competitive jobs,5,competitivePercent,100,events,no,');
    expect(lines.find((line) => line.startsWith('O7,'))).toBe('O7,agency focus on work,,,,reviewer,,scored by a fidelity reviewer');
    expect(lines.find((line) => line.startsWith('V4,'))).toBe('V4,rapid job search,3,meanDays,85,events,no,');
    expect(lines.find((line) => line.startsWith('S3,'))).toBe(
      'S3,generalists,,phasesBySameSpecialist,3,events,,"no work recorded by an employment specialist in the period for: assessment, job-development, follow-along"',
    );
  });
});

describe('drivers a reader may not see', () => {
  it('are counted, not named; figures stay', () => {
    const fidelity = fidelityFor(team, scope);
    const hidden = new Set([a[1]?.id]); // the treatment-team link: health information outside the circle
    const shown = withholdUnseen(fidelity, (eventId) => !hidden.has(eventId));
    const o1 = shown.items.find((item) => item.item === 'O1');
    expect(o1).toMatchObject({ withheldDrivers: 1, figures: fidelity.items.find((item) => item.item === 'O1')?.figures });
    expect(o1?.drivers.map((driver) => driver.participantId)).toEqual(['b']);
    expect(shown.items.find((item) => item.item === 'S1')).toMatchObject({ withheldDrivers: 0 });
    expect(namedParticipants(shown)).toEqual(['a', 'b']);
    expect(namedParticipants(withholdUnseen(fidelity, () => false))).toEqual([]);
  });
});
