import { csvField } from '@ips/fidelity';
import { OutcomeColumn, ProgrammeOutcomes } from './programme-outcomes';
import { FidelityColumn, ProgrammeFidelity } from './programme-fidelity';
import { Shown, asText } from './small-cells';
import { ReportKey, ReportLanguage, reportText } from '../outcomes/report-language';
import { itemName } from '../outcomes/quarterly-report';

type Row = readonly (string | number | null)[];
const csv = (header: readonly string[], rows: readonly Row[]): string => `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;

/** Each measure: its CSV column, its label in the printable report (a catalogue key), and how to read it. */
const OUTCOME_MEASURES: readonly [string, ReportKey, (column: OutcomeColumn) => Shown | string | null][] = [
  ['participantsServed', 'served', (c) => c.participantsServed],
  ['participantsEmployed', 'employed', (c) => c.participantsEmployed],
  ['employmentRate', 'employmentRate', (c) => c.employmentRate],
  ['band', 'bandRow', (c) => c.band],
  ['firstJobStarts', 'firstJobStarts', (c) => c.jobStarts.first],
  ['laterJobStarts', 'laterJobStarts', (c) => c.jobStarts.later],
  ['medianDaysToFirstJob', 'daysToFirstJob', (c) => c.medianDaysToFirstJob],
  ['medianLongestJobTenureDays', 'longestJob', (c) => c.medianLongestJobTenureDays],
  ['steadyWorkers', 'steadyWorkers', (c) => c.steadyWorkers],
  ['steadyWorkerRate', 'steadyWorkerRate', (c) => c.steadyWorkerRate],
  ['averageHoursPerWeek', 'hours', (c) => c.averageHoursPerWeek],
  ['averageHourlyWage', 'wage', (c) => c.averageHourlyWage],
  ['medianLengthOfStayDays', 'lengthOfStay', (c) => c.medianLengthOfStayDays],
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

export interface ProgrammeReport {
  readonly outcomes: ProgrammeOutcomes;
  /** The items computed for the quarter (so far); null for a quarter that has not begun. */
  readonly fidelity: ProgrammeFidelity | null;
  readonly generatedAt: string;
  /** The language of the report; left out, English with ISO dates, as before the report had languages. */
  readonly lang?: ReportLanguage;
}

/**
 * The printable report across teams, laid out for A4 (landscape: the teams side by side): the quarter's outcomes and
 * the computed fidelity items per team and in total, in norsk bokmål, svenska or English (the quarterly report's
 * catalogue). Aggregates only, suppressed as in the JSON; no participant.
 */
export function programmeReportHtml({ outcomes, fidelity, generatedAt, lang }: ProgrammeReport): string {
  const text = reportText(lang ?? 'en');
  const { t } = text;
  const date = lang ? text.date : (day: string) => day;
  const dateTime = lang ? text.dateTime : (instant: string) => instant.slice(0, 16).replace('T', ' ');
  /** A cell as the language writes it: numbers in its locale, "suppressed" and the bands in its words, "<5" as is. */
  const cell = (value: Shown | string | null, rate = false): string =>
    typeof value === 'number'
      ? rate
        ? text.percent(value)
        : text.number(value)
      : value === 'suppressed'
        ? t('suppressed')
        : value === 'below-minimal' || value === 'minimal' || value === 'average' || value === 'excellent'
          ? t(`band.${value}`)
          : asText(value) || '–';
  const heads = [
    ...outcomes.teams.map((team) => `${escape(team.name)}<br><small>${escape(team.municipality)}</small>`),
    `${escape(t('total'))}<br><small>${escape(t('teams', { n: text.number(outcomes.total.teams) }))}</small>`,
  ];
  const outcomeRows = OUTCOME_MEASURES.map(([key, label, read]) => {
    const cells = [...outcomes.teams, outcomes.total].map((column) => escape(cell(read(column), key.endsWith('Rate'))));
    return `<tr><th>${escape(t(label))}</th>${cells.map((value) => `<td>${value}</td>`).join('')}</tr>`;
  }).join('\n');
  const fidelitySection = fidelity
    ? (() => {
        const columns = [...fidelity.teams, fidelity.total];
        const rows = (fidelity.total.items.map((item) => item.item) as string[])
          .map((id) => {
            const name = itemName(t, id, fidelity.total.items.find((item) => item.item === id)?.name ?? '');
            const cells = columns.map((column) => escape(cell(column.items.find((item) => item.item === id)?.score ?? null)));
            return `<tr><th>${escape(id)} ${escape(name)}</th>${cells.map((value) => `<td>${value}</td>`).join('')}</tr>`;
          })
          .join('\n');
        const totals = columns
          .map(
            (column) =>
              `<td>${escape(typeof column.computedTotal === 'number' ? t('scoredItems', { total: text.number(column.computedTotal), n: cell(column.scoredItems) }) : cell(column.computedTotal))}</td>`,
          )
          .join('');
        return `<section>
<h2>${escape(t('fidelityHeading', { from: date(fidelity.period.from), to: date(fidelity.period.to) }))}</h2>
<table>
<tr><th>${escape(t('item'))}</th>${heads.map((head) => `<td>${head}</td>`).join('')}</tr>
${rows}
<tr><th>${escape(t('sumOfScores'))}</th>${totals}</tr>
</table>
<p class="meta">${escape(t('scoresNote'))}</p>
</section>`;
      })()
    : `<section><h2>${escape(t('fidelity'))}</h2><p>${escape(t('notBegun'))}</p></section>`;
  return `<!doctype html>
<html lang="${lang ?? 'en'}">
<head>
<meta charset="utf-8">
<title>${escape(t('programmeTitle'))} ${escape(outcomes.quarter)}</title>
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
<h1>${escape(t('programmeTitle'))}: ${escape(outcomes.quarter)}</h1>
<p class="meta">${escape(t('programmeMeta', { teams: text.number(outcomes.total.teams), at: dateTime(generatedAt) }))}</p>
<section>
<h2>${escape(t('outcomes'))}</h2>
<table>
<tr><th>${escape(t('measure'))}</th>${heads.map((head) => `<td>${head}</td>`).join('')}</tr>
${outcomeRows}
</table>
<p class="meta">${escape(
    t('smallCells', {
      suppressed: t('suppressed'),
      minimal: text.percent(outcomes.benchmarks.minimal),
      average: text.percent(outcomes.benchmarks.average),
      excellent: text.percent(outcomes.benchmarks.excellent),
    }),
  )}</p>
</section>
${fidelitySection}
</body>
</html>
`;
}
