import { SharedEvent } from '@ips/contracts';
import { Fidelity, factsOf, fidelityFor } from '@ips/fidelity';
import { counselling, employerContact, enrolled, participantContact, started, teamLinked } from '@ips/fidelity/testing';
import { parseQuarter } from '../outcomes/outcomes';
import { fidelityCells, fidelityColumnsTally, programmeFidelity } from './programme-fidelity';
import { programmeOutcomes } from './programme-outcomes';
import { programmeFidelityCsv, programmeOutcomesCsv, programmeReportHtml } from './programme-report';
import { derivableCells, determinedCells, isSmall, suppressCells } from './small-cells';

const q1 = parseQuarter('2026-Q1')!;
const TODAY = '2026-04-15';
const teamA = { teamId: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90', name: 'IPS Alna', municipality: 'Oslo' };
const teamB = { teamId: '0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f91', name: 'IPS Bærum', municipality: 'Bærum' };
const pid = (team: string, n: number) => `${team === 'a' ? 'aaaaaaaa' : 'bbbbbbbb'}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A participant enrolled on 2026-01-05, in work from 2026-02-01 when `employed`, with some work recorded. */
const participant = (id: string, employed: boolean, specialist: string): SharedEvent[] => [
  enrolled(id, '2026-01-05', specialist),
  teamLinked(id, '2026-01-06', 'DPS Nidaros'),
  employerContact(id, '2026-01-20', `employer-${id}`),
  participantContact(id, '2026-01-21', true),
  ...(employed ? [counselling(id, '2026-01-25'), started(id, `job-${id}`, '2026-02-01', { employerId: `employer-${id}` })] : []),
];

const world = (a: { served: number; employed: number }, b: { served: number; employed: number }) => {
  const of = (team: 'a' | 'b', { served, employed }: { served: number; employed: number }) =>
    new Map(Array.from({ length: served }, (_, n) => [pid(team, n), participant(pid(team, n), n < employed, `es-${team}`)] as const));
  return [
    { team: teamA, participants: of('a', a) },
    { team: teamB, participants: of('b', b) },
  ];
};

describe("a coordinator's outcomes across teams", () => {
  it('shows each team and the total, a small team as "<5" and the next smallest as "suppressed"', () => {
    // Given Alna with 11 served and 6 employed, Bærum with 3 served and 1 employed
    const teams = world({ served: 11, employed: 6 }, { served: 3, employed: 1 });
    // When the quarter's figures are read
    const outcomes = programmeOutcomes(
      teams.map(({ team, participants }) => ({ team, participants: [...participants.values()] })),
      q1,
      TODAY,
    );
    // Then Bærum's counts are "<5", Alna's served and employed hidden too, and the total shown
    expect(outcomes.teams[1]).toMatchObject({
      participantsServed: '<5',
      participantsEmployed: '<5',
      employmentRate: '<5',
      band: '<5',
      averageHoursPerWeek: '<5',
    });
    expect(outcomes.teams[0]).toMatchObject({
      participantsServed: 'suppressed',
      participantsEmployed: 'suppressed',
      employmentRate: 'suppressed',
      averageHoursPerWeek: 20,
    });
    expect(outcomes.total).toMatchObject({ teams: 2, participantsServed: 14, participantsEmployed: 7, employmentRate: 0.5, band: 'excellent' });
    // And no participant id in the JSON, the CSV or the report
    const fidelity = programmeFidelity(teams, { from: q1.from, to: q1.to });
    const whole = [
      JSON.stringify(outcomes),
      programmeOutcomesCsv(outcomes),
      programmeFidelityCsv(fidelity),
      programmeReportHtml({ outcomes, fidelity, generatedAt: `${TODAY}T10:00:00Z` }),
      JSON.stringify(fidelity),
    ].join('\n');
    for (const { participants } of teams) for (const id of participants.keys()) expect(whole).not.toContain(id);
    for (const text of ['es-a', 'es-b', 'employer-', 'DPS Nidaros', 'job-']) expect(whole).not.toContain(text);
  });

  it('shows a team of 5 or more in full when every other team is large too', () => {
    const teams = world({ served: 11, employed: 6 }, { served: 12, employed: 5 });
    const outcomes = programmeOutcomes(
      teams.map(({ team, participants }) => ({ team, participants: [...participants.values()] })),
      q1,
      TODAY,
    );
    expect(outcomes.teams.map((team) => [team.participantsServed, team.participantsEmployed, team.employmentRate])).toEqual([
      [11, 6, 0.545],
      [12, 5, 0.417],
    ]);
  });

  it('protects those not employed too: 6 of 9 employed would tell that 3 were not', () => {
    // Given Alna with 9 served and 6 employed (3 not), Bærum with 12 served and 5 employed
    const teams = world({ served: 9, employed: 6 }, { served: 12, employed: 5 });
    // When the quarter's figures are read
    const outcomes = programmeOutcomes(
      teams.map(({ team, participants }) => ({ team, participants: [...participants.values()] })),
      q1,
      TODAY,
    );
    // Then Alna's employed are hidden (and its rate, over a complement of 3), Bærum's employed as the second cell
    expect(outcomes.teams.map((team) => [team.participantsServed, team.participantsEmployed, team.employmentRate])).toEqual([
      [9, 'suppressed', '<5'],
      [12, 'suppressed', 'suppressed'],
    ]);
    expect(outcomes.total).toMatchObject({ participantsServed: 21, participantsEmployed: 11, employmentRate: 0.524 });
  });
});

describe("a coordinator's fidelity items across teams", () => {
  it('leaves out drivers and breakdowns, suppresses small counts and the scores read from them', () => {
    const fidelity = programmeFidelity(world({ served: 9, employed: 6 }, { served: 3, employed: 1 }), { from: q1.from, to: q1.to });
    const text = JSON.stringify(fidelity);
    for (const word of ['"drivers"', '"perSpecialist"', '"phases"', '"criteria"', '"byType"', '"teams":{', 'withheldDrivers', 'measured'])
      expect(text).not.toContain(word);
    const s1 = (items: readonly { item: string }[]) => items.find((item) => item.item === 'S1');
    expect(s1(fidelity.teams[1]!.items)).toMatchObject({ score: '<5', anchor: null, figures: { activeParticipants: '<5', participantsPerSpecialist: '<5' } });
    expect(s1(fidelity.teams[0]!.items)).toMatchObject({ score: 5, figures: { activeParticipants: 'suppressed', participantsPerSpecialist: 'suppressed' } });
    expect(s1(fidelity.total.items)).toMatchObject({ score: 5, figures: { activeParticipants: 12, specialists: 2, participantsPerSpecialist: 6 } });
    expect(fidelity.teams[1]).toMatchObject({ scoredItems: 'suppressed', computedTotal: 'suppressed' });
  });

  it('leaves no hidden count that can be worked out, on many random worlds of 1 to 4 teams', () => {
    // Given random teams (a fixed seed), when the cells are suppressed, then no identity gives a hidden cell back
    let seed = 7;
    const random = (below: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    for (let round = 0; round < 40; round++) {
      const columns = new Map<string, Fidelity>();
      const everyone = new Map<string, SharedEvent[]>();
      const teams = 1 + random(4);
      for (let team = 0; team < teams; team++) {
        const participants = new Map<string, SharedEvent[]>();
        const served = random(3) === 0 ? 1 + random(4) : random(15);
        for (let n = 0; n < served; n++) {
          const id = `${String(team).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
          const events = participant(id, random(2) === 0, `es-${team}-${random(2)}`);
          participants.set(id, events);
          everyone.set(id, events);
        }
        columns.set(`t${team}`, fidelityFor(participants, { period: { from: q1.from, to: q1.to }, team: null }));
      }
      columns.set('total', fidelityFor(everyone, { period: { from: q1.from, to: q1.to }, team: null }));
      const { cells, identities } = fidelityCells(columns);
      const hidden = suppressCells(cells, identities);
      for (const derived of [derivableCells(cells, identities, hidden), determinedCells(cells, identities, hidden)]) {
        expect(cells.filter((cell) => derived.has(cell.id) && (hidden.has(cell.id) || (cell.implicit && isSmall(cell.value)))).map((cell) => cell.id)).toEqual(
          [],
        );
      }
    }
  });
});

describe("the programme's fidelity at a country's size", () => {
  const period = { from: q1.from, to: q1.to };
  const figuresOf = (fidelity: Fidelity) => fidelity.items.map(({ item, score, reason, figures }) => ({ item, score, reason, figures }));

  it('is computed a team at a time, the total the same as the fold of every participant at once, and keeps no driver', () => {
    const teams = world({ served: 11, employed: 6 }, { served: 7, employed: 2 });
    const tally = fidelityColumnsTally(period, [teamA, teamB], new Set([teamA.teamId]));
    for (const { team, participants } of teams)
      tally.addTeam(
        team,
        [...participants].map(([id, events]) => factsOf(id, events)),
      );
    const columns = tally.result();
    const everyone = new Map(teams.flatMap(({ participants }) => [...participants]));
    expect(figuresOf(columns.grand)).toEqual(figuresOf(fidelityFor(everyone, { period, team: null })));
    expect(figuresOf(columns.subset as Fidelity)).toEqual(figuresOf(fidelityFor(teams[0]?.participants ?? new Map(), { period, team: null })));
    expect(columns.perTeam.map(({ fidelity }) => figuresOf(fidelity))).toEqual(
      teams.map(({ participants }) => figuresOf(fidelityFor(participants, { period, team: null }))),
    );
    expect([columns.grand, ...columns.perTeam.map(({ fidelity }) => fidelity)].flatMap((fidelity) => fidelity.items.flatMap((item) => item.drivers))).toEqual(
      [],
    );
  });

  it('counts a participant on two teams once in the total', () => {
    const [a] = world({ served: 6, employed: 3 }, { served: 0, employed: 0 });
    const tally = fidelityColumnsTally(period, [teamA, teamB], new Set([teamA.teamId, teamB.teamId]));
    const facts = [...(a?.participants ?? new Map<string, SharedEvent[]>())].map(([id, events]) => factsOf(id, events));
    tally.addTeam(teamA, facts);
    tally.addTeam(teamB, facts.slice(0, 2));
    const caseload = (fidelity: Fidelity) => fidelity.items.find((item) => item.item === 'S1')?.figures['activeParticipants'];
    const columns = tally.result();
    expect([caseload(columns.grand), ...columns.perTeam.map(({ fidelity }) => caseload(fidelity))]).toEqual([6, 6, 2]);
  });

  it('leaves the report with its outcomes and says the fidelity is not computed before the quarter begins', () => {
    const teams = world({ served: 11, employed: 6 }, { served: 6, employed: 1 });
    const outcomes = programmeOutcomes(
      teams.map(({ team, participants }) => ({ team, participants: [...participants.values()] })),
      q1,
      TODAY,
    );
    const html = programmeReportHtml({ outcomes, fidelity: null, generatedAt: `${TODAY}T10:00:00Z` });
    expect(html).toContain('The quarter has not begun: nothing computed yet.');
    expect(html).toContain('IPS Alna');
  });
});

describe('the printable report across teams, in the reader’s language', () => {
  const teams = world({ served: 11, employed: 6 }, { served: 3, employed: 1 });
  const outcomes = programmeOutcomes(
    teams.map(({ team, participants }) => ({ team, participants: [...participants.values()] })),
    q1,
    TODAY,
  );
  const fidelity = programmeFidelity(teams, { from: q1.from, to: q1.to });
  const report = (lang?: 'nb' | 'sv' | 'en') => programmeReportHtml({ outcomes, fidelity, generatedAt: `${TODAY}T10:00:00Z`, ...(lang ? { lang } : {}) });

  it('is in norsk bokmål, svenska or English: words, hidden cells, numbers and dates', () => {
    const nb = report('nb');
    expect(nb).toContain('<html lang="nb">');
    expect(nb).toContain('<h1>IPS-resultater på tvers av team: 2026-Q1</h1>');
    expect(nb).toContain('<tr><th>Andel i arbeid</th><td>skjult</td><td>&lt;5</td><td>50 %</td></tr>');
    expect(nb).toContain('<tr><th>Nivå (referanseverdier 31 / 41 / 50 %)</th><td>skjult</td><td>&lt;5</td><td>svært godt</td></tr>');
    expect(nb).toContain('Modelltroskap: punkter beregnet fra hendelser, 1. jan. 2026 – 31. mars 2026');
    const sv = report('sv');
    expect(sv).toContain('<html lang="sv">');
    expect(sv).toContain('<tr><th>Andel i arbete</th><td>dolt</td><td>&lt;5</td><td>50 %</td></tr>');
    expect(sv).toContain('Programtrohet: punkter beräknade från händelser, 1 jan. 2026 – 31 mars 2026');
    const en = report('en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<tr><th>Employment rate</th><td>suppressed</td><td>&lt;5</td><td>50 %</td></tr>');
    expect(en).toContain('Fidelity: items computed from events, 1 Jan 2026 – 31 Mar 2026');
  });

  it('is in English with ISO dates when no language is asked for, as before it had languages', () => {
    const html = report();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>IPS outcomes across teams: 2026-Q1</h1>');
    expect(html).toContain('Fidelity: items computed from events, 2026-01-01 – 2026-03-31');
  });
});
