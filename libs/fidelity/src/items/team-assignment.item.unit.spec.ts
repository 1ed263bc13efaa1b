import { enrolled, given, teamLinked } from '../testing';
import { Scope } from '../fidelity-period';
import { teamAssignment } from './team-assignment.item';

const scope: Scope = { period: { from: '2026-01-01', to: '2026-03-31' }, team: null };

/** Participants of `specialist`, one per entry: the entry is their treatment team, or null for none. */
const caseload = (specialist: string, teams: (string | null)[]) =>
  teams.map((team, i) => {
    const p = `${specialist}-${i}`;
    return given(p, enrolled(p, '2026-01-05', specialist), ...(team ? [teamLinked(p, '2026-01-10', team)] : []));
  });
const times = (team: string | null, count: number) => Array.from({ length: count }, () => team);

describe('O1 team assignment', () => {
  it('is a 5 when at least 90% come from the specialist’s two teams', () => {
    const result = teamAssignment(caseload('es-ingrid', [...times('DPS A', 5), ...times('DPS B', 4), 'DPS C']), scope);
    expect(result).toMatchObject({ score: 5, figures: { fromAttachedTeamsPercent: 90 } });
    expect(result.figures.perSpecialist).toEqual([
      { specialist: 'es-ingrid', caseload: 10, teams: { 'DPS A': 5, 'DPS B': 4, 'DPS C': 1 }, attachedTeams: ['DPS A', 'DPS B'], fromAttachedTeams: 9 },
    ]);
    expect(result.drivers.find((d) => d.detail.includes('DPS C'))?.detail).toBe("DPS C, not one of es-ingrid's attached teams");
  });

  it.each([
    [17, 3, 4, 85],
    [15, 5, 4, 75],
    [14, 6, 3, 70],
    [10, 10, 3, 50],
    [9, 11, 2, 45],
  ])('%i from an attached team and %i unlinked → score %i at %i%%', (attached, others, score, share) => {
    const result = teamAssignment(caseload('es-ingrid', [...times('DPS A', attached), ...times(null, others)]), scope);
    expect(result).toMatchObject({ score, figures: { fromAttachedTeamsPercent: share } });
  });

  it('takes each specialist’s own two teams, pooled over the team', () => {
    const participants = [...caseload('es-ingrid', ['A', 'B', 'C', 'C']), ...caseload('es-per', ['D', 'D', 'D', 'D'])];
    // es-ingrid: C, C + A (alphabetical tie-break) = 3 of 4; es-per: 4 of 4 → 7 of 8
    expect(teamAssignment(participants, scope)).toMatchObject({ score: 4, figures: { fromAttachedTeams: 7, fromAttachedTeamsPercent: 87.5 } });
  });

  it('is a 1, a separate programme, when no active participant is linked to a treatment team', () => {
    const result = teamAssignment(caseload('es-ingrid', [null, null]), scope);
    expect(result).toMatchObject({ score: 1, figures: { linkedToTreatmentTeam: 0, reading: expect.stringContaining('separate programme') } });
  });

  it('uses the latest link up to the end of the period, and has no score without an active participant', () => {
    const p = given('a', enrolled('a', '2026-01-05'), teamLinked('a', '2026-01-06', 'Old'), teamLinked('a', '2026-04-02', 'Later'));
    expect(teamAssignment([p], scope).drivers[0]?.detail).toBe('Old');
    expect(teamAssignment([], scope)).toMatchObject({ score: null, reason: 'no participant is on a caseload on 2026-03-31' });
  });
});
