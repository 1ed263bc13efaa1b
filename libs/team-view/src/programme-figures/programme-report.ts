import { csvField } from '@ips/fidelity';
import { OutcomeColumn, ProgrammeOutcomes } from './programme-outcomes';
import { FidelityColumn, ProgrammeFidelity } from './programme-fidelity';
import { Shown, asText } from './small-cells';

type Row = readonly (string | number | null)[];
const csv = (header: readonly string[], rows: readonly Row[]): string => `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;

const OUTCOME_MEASURES: readonly [string, string, (column: OutcomeColumn) => Shown | string | null][] = [
  ['participantsServed', 'Participants served', (c) => c.participantsServed],
  ['participantsEmployed', 'In competitive work during the quarter', (c) => c.participantsEmployed],
  ['employmentRate', 'Employment rate', (c) => c.employmentRate],
  ['band', 'Band (benchmarks 31 / 41 / 50 %)', (c) => c.band],
  ['firstJobStarts', 'First job starts', (c) => c.jobStarts.first],
  ['laterJobStarts', 'Later job starts', (c) => c.jobStarts.later],
  ['medianDaysToFirstJob', 'Days from enrolment to first job (median)', (c) => c.medianDaysToFirstJob],
  ['medianLongestJobTenureDays', 'Days in the longest job (median)', (c) => c.medianLongestJobTenureDays],
  ['steadyWorkers', 'Steady workers (in work > half of follow-up)', (c) => c.steadyWorkers],
  ['steadyWorkerRate', 'Steady-worker rate', (c) => c.steadyWorkerRate],
  ['averageHoursPerWeek', 'Hours per week (mean)', (c) => c.averageHoursPerWeek],
  ['averageHourlyWage', 'Hourly wage (mean)', (c) => c.averageHourlyWage],
  ['medianLengthOfStayDays', 'Length of stay of those discharged (median days)', (c) => c.medianLengthOfStayDays],
];

/** One row per team and a last row `total` (teamId empty); cells as in the JSON ("<5", "suppressed", empty for none). */
export function programmeOutcomesCsv(outcomes: ProgrammeOutcomes): string {
  const header = ['quarter', 'teamId', 'team', 'municipality', ...OUTCOME_MEASURES.map(([key]) => key)];
  const row = (teamId: string, team: string, municipality: string, column: OutcomeColumn): Row => [
    outcomes.quarter,
    teamId,
    team,
    municipality,
    ...OUTCOME_MEASURES.map(([, , read]) => asText(read(column))),
  ];
  return csv(header, [
    ...outcomes.teams.map((team) => row(team.teamId, team.name, team.municipality, team)),
    row('', `Total (${outcomes.total.teams} teams)`, '', outcomes.total),
  ]);
}

/** One row per team and item, then the total's rows (teamId empty): the score and the figures shown, as `name=value` pairs. */
export function programmeFidelityCsv(fidelity: ProgrammeFidelity): string {
  const header = ['from', 'to', 'teamId', 'team', 'municipality', 'item', 'name', 'score', 'figures', 'reason'];
  const rows = (teamId: string, team: string, municipality: string, column: FidelityColumn): Row[] =>
    column.items.map((item) => [
      fidelity.period.from,
      fidelity.period.to,
      teamId,
      team,
      municipality,
      item.item,
      item.name,
      item.score,
      Object.entries(item.figures)
        .map(([name, value]) => `${name}=${asText(value)}`)
        .join('; '),
      item.reason ?? null,
    ]);
  return csv(header, [
    ...fidelity.teams.flatMap((team) => rows(team.teamId, team.name, team.municipality, team)),
    ...rows('', `Total (${fidelity.total.teams} teams)`, '', fidelity.total),
  ]);
}

const escape = (value: unknown): string =>
  String(value ?? '–').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

const percent = (value: Shown | string | null): string => (typeof value === 'number' ? `${Math.round(value * 1000) / 10} %` : asText(value) || '–');

export interface ProgrammeReport {
  readonly outcomes: ProgrammeOutcomes;
  /** The items computed for the quarter (so far); null for a quarter that has not begun. */
  readonly fidelity: ProgrammeFidelity | null;
  readonly generatedAt: string;
}

/**
 * The printable report across teams, laid out for A4 (landscape: the teams side by side): the quarter's outcomes and
 * the computed fidelity items per team and in total. Aggregates only, suppressed as in the JSON; no participant.
 */
export function programmeReportHtml({ outcomes, fidelity, generatedAt }: ProgrammeReport): string {
  const heads = [...outcomes.teams.map((team) => `${escape(team.name)}<br><small>${escape(team.municipality)}</small>`), `Total<br><small>${outcomes.total.teams} teams</small>`];
  const outcomeRows = OUTCOME_MEASURES.map(([key, label, read]) => {
    const cells = [...outcomes.teams, outcomes.total].map((column) => {
      const value = read(column);
      return escape(key.endsWith('Rate') ? percent(value) : asText(value) || '–');
    });
    return `<tr><th>${escape(label)}</th>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  }).join('\n');
  const fidelitySection = fidelity
    ? (() => {
        const columns = [...fidelity.teams, fidelity.total];
        const rows = (fidelity.total.items.map((item) => item.item) as string[])
          .map((id) => {
            const name = fidelity.total.items.find((item) => item.item === id)?.name ?? '';
            const cells = columns.map((column) => escape(column.items.find((item) => item.item === id)?.score ?? '–'));
            return `<tr><th>${escape(id)} ${escape(name)}</th>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
          })
          .join('\n');
        const totals = columns
          .map((column) => `<td>${escape(typeof column.computedTotal === 'number' ? `${column.computedTotal} (${column.scoredItems} items)` : column.computedTotal)}</td>`)
          .join('');
        return `<section>
<h2>Fidelity: items computed from events, ${escape(fidelity.period.from)} – ${escape(fidelity.period.to)}</h2>
<table>
<tr><th>item</th>${heads.map((head) => `<td>${head}</td>`).join('')}</tr>
${rows}
<tr><th>Sum of the scores</th>${totals}</tr>
</table>
<p class="meta">Scores 1–5 by the anchors (docs/fidelity-anchors.md); the figures behind them, suppressed as the outcomes are, are in GET /programme/fidelity.</p>
</section>`;
      })()
    : `<section><h2>Fidelity</h2><p>The quarter has not begun: nothing computed yet.</p></section>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>IPS outcomes across teams ${escape(outcomes.quarter)}</title>
<style>
  @page { size: A4 landscape; margin: 14mm; }
  body { font: 10pt/1.35 system-ui, sans-serif; color: #111; margin: auto; }
  h1 { font-size: 15pt; margin-bottom: 0; } h2 { font-size: 12pt; margin-top: 1.4em; border-bottom: 1px solid #999; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #ddd; vertical-align: top; }
  th { font-weight: normal; } td { text-align: right; } td:last-child { font-weight: bold; }
  .meta { color: #555; } section { break-inside: avoid; }
</style>
</head>
<body>
<h1>IPS outcomes across teams: ${escape(outcomes.quarter)}</h1>
<p class="meta">${escape(outcomes.total.teams)} teams · generated ${escape(generatedAt.slice(0, 16).replace('T', ' '))} UTC from the teams' events · aggregates only</p>
<section>
<h2>Outcomes</h2>
<table>
<tr><th>measure</th>${heads.map((head) => `<td>${head}</td>`).join('')}</tr>
${outcomeRows}
</table>
<p class="meta">"&lt;5": fewer than 5 participants (1–4), or a figure computed over fewer than 5. "suppressed": hidden so that a "&lt;5" cannot be worked out from the total and the other cells. Benchmarks for the employment rate: ${escape(percent(outcomes.benchmarks.minimal))} minimal, ${escape(percent(outcomes.benchmarks.average))} average, ${escape(percent(outcomes.benchmarks.excellent))} excellent.</p>
</section>
${fidelitySection}
</body>
</html>
`;
}
