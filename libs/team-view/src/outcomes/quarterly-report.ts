import { Fidelity, FidelityReview, anchorOf } from '@ips/fidelity';
import { Outcomes } from './outcomes';

const escape = (value: unknown): string =>
  String(value ?? '–').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

const percent = (rate: number | null): string => (rate === null ? '–' : `${Math.round(rate * 1000) / 10} %`);

export interface QuarterlyReport {
  readonly outcomes: Outcomes;
  readonly fidelity: Fidelity;
  /** The latest completed review whose period ends by the quarter's end, if any. */
  readonly review: FidelityReview | null;
  readonly team: string | null;
  readonly generatedAt: string;
}

/**
 * One self-contained HTML page for a funder or the programme board, laid out for A4 (print it, or save it
 * as PDF from the browser): outcomes against the benchmarks, the computed fidelity items for the quarter, and
 * the latest completed review. Aggregates only: no participant is named.
 */
export function quarterlyReportHtml({ outcomes, fidelity, review, team, generatedAt }: QuarterlyReport): string {
  const row = (label: string, value: unknown, note = ''): string => `<tr><th>${escape(label)}</th><td>${escape(value)}</td><td>${escape(note)}</td></tr>`;
  const { minimal, average, excellent } = outcomes.benchmarks;
  const outcomeRows = [
    row('Participants served', outcomes.participantsServed),
    row('In competitive work during the quarter', outcomes.participantsEmployed),
    row('Employment rate', percent(outcomes.employmentRate), `${outcomes.band ?? '–'} (benchmarks ${percent(minimal)} / ${percent(average)} / ${percent(excellent)})`),
    row('Job starts: first / later', `${outcomes.jobStarts.first} / ${outcomes.jobStarts.later}`),
    row('Days from enrolment to first job (median)', outcomes.medianDaysToFirstJob),
    row('Days in the longest job (median)', outcomes.medianLongestJobTenureDays),
    row('Steady workers (in work > half of follow-up)', outcomes.steadyWorkers, percent(outcomes.steadyWorkerRate)),
    row('Hours per week (mean)', outcomes.averageHoursPerWeek),
    row('Hourly wage (mean)', outcomes.averageHourlyWage),
    row('Length of stay of those discharged (median days)', outcomes.medianLengthOfStayDays),
  ].join('\n');
  const itemRows = fidelity.items
    .filter((item) => item.source === 'events')
    .map((item) => {
      const figure = anchorOf(item.item).scale?.figure;
      const value = figure ? item.figures[figure] : undefined;
      return `<tr><th>${escape(item.item)} ${escape(item.name)}</th><td>${escape(item.score)}</td><td>${escape(item.score === null ? item.reason : figure ? `${figure}: ${String(value)}` : '')}</td></tr>`;
    })
    .join('\n');
  const reviewText = review?.completed
    ? `Latest completed review (${escape(review.from)} – ${escape(review.to)}, completed ${escape(review.completed.at.slice(0, 10))}): <strong>${escape(review.completed.total)} of 125, ${escape(review.completed.band)}</strong>. A programme must score at least 74 to call itself IPS.`
    : 'No completed fidelity review covers this quarter yet.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>IPS quarterly report ${escape(outcomes.quarter)}</title>
<style>
  @page { size: A4; margin: 18mm; }
  body { font: 11pt/1.4 system-ui, sans-serif; color: #111; max-width: 180mm; margin: auto; }
  h1 { font-size: 16pt; margin-bottom: 0; } h2 { font-size: 13pt; margin-top: 1.5em; border-bottom: 1px solid #999; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #ddd; vertical-align: top; }
  th { font-weight: normal; width: 45%; } td:nth-child(2) { font-weight: bold; width: 15%; }
  .meta { color: #555; } section { break-inside: avoid; }
</style>
</head>
<body>
<h1>IPS quarterly report: ${escape(outcomes.quarter)}</h1>
<p class="meta">${escape(team ?? 'All your teams')} · generated ${escape(generatedAt.slice(0, 16).replace('T', ' '))} UTC from the team's events</p>
<section>
<h2>Outcomes</h2>
<table>
${outcomeRows}
</table>
</section>
<section>
<h2>Fidelity: items computed from events, ${escape(fidelity.period.from)} – ${escape(fidelity.period.to)}</h2>
<table>
<tr><th>item</th><td>score</td><td>key figure</td></tr>
${itemRows}
</table>
<p>${reviewText}</p>
</section>
</body>
</html>
`;
}
