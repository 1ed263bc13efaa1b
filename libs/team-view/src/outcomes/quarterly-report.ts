import { Fidelity, FidelityReview, anchorOf } from '@ips/fidelity';
import { Outcomes } from './outcomes';
import { ReportKey, ReportLanguage, ReportText, reportText } from './report-language';

/** An entry of the catalogue named by data (an item, a figure), or `fallback` when it has none. */
const translatedOr = (t: ReportText['t'], key: string, fallback: string): string => {
  const translated = t(key as ReportKey);
  return translated === key ? fallback : translated;
};

/** An item's name in the report's language (the scale's English name for an item without one). */
export const itemName = (t: ReportText['t'], item: string, name: string): string => translatedOr(t, `fidelityItem.${item}`, name);

const capitalised = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

export const escape = (value: unknown): string =>
  String(value ?? '–').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

export interface QuarterlyReport {
  readonly outcomes: Outcomes;
  readonly fidelity: Fidelity;
  /** The latest completed review whose period ends by the quarter's end, if any. */
  readonly review: FidelityReview | null;
  /** The team's name; null for all the reader's teams. */
  readonly team: string | null;
  /** The one employment specialist whose caseload it is about, if any. */
  readonly specialist?: string | null;
  readonly generatedAt: string;
  readonly lang: ReportLanguage;
}

/**
 * One self-contained HTML page for a funder or the programme board, laid out for A4 (print it, or save it
 * as PDF from the browser): outcomes against the benchmarks, the computed fidelity items for the quarter, and
 * the latest completed review, in norsk bokmål, svenska or English (numbers and dates too). Aggregates only: no
 * participant is named.
 */
export function quarterlyReportHtml({ outcomes, fidelity, review, team, specialist = null, generatedAt, lang }: QuarterlyReport): string {
  const text = reportText(lang);
  const { t } = text;
  const figure = (value: number | null): string => (value === null ? '–' : text.number(value));
  const percent = (rate: number | null): string => (rate === null ? '–' : text.percent(rate));
  const row = (label: string, value: unknown, note = ''): string => `<tr><th>${escape(label)}</th><td>${escape(value)}</td><td>${escape(note)}</td></tr>`;
  const { minimal, average, excellent } = outcomes.benchmarks;
  const benchmarks = t('benchmarks', { minimal: percent(minimal), average: percent(average), excellent: percent(excellent) });
  const outcomeRows = [
    row(t('served'), figure(outcomes.participantsServed)),
    row(t('employed'), figure(outcomes.participantsEmployed)),
    row(t('employmentRate'), percent(outcomes.employmentRate), `${outcomes.band ? t(`band.${outcomes.band}`) : '–'} (${benchmarks})`),
    row(t('jobStarts'), `${figure(outcomes.jobStarts.first)} / ${figure(outcomes.jobStarts.later)}`),
    row(t('daysToFirstJob'), figure(outcomes.medianDaysToFirstJob)),
    row(t('longestJob'), figure(outcomes.medianLongestJobTenureDays)),
    row(t('steadyWorkers'), figure(outcomes.steadyWorkers), percent(outcomes.steadyWorkerRate)),
    row(t('hours'), figure(outcomes.averageHoursPerWeek)),
    row(t('wage'), figure(outcomes.averageHourlyWage)),
    row(t('lengthOfStay'), figure(outcomes.medianLengthOfStayDays)),
  ].join('\n');
  const itemRows = fidelity.items
    .filter((item) => item.source === 'events')
    .map((item) => {
      const scale = anchorOf(item.item).scale?.figure;
      const value = scale ? item.figures[scale] : undefined;
      const shown = typeof value === 'number' ? text.number(value) : String(value);
      return `<tr><th>${escape(item.item)} ${escape(itemName(t, item.item, item.name))}</th><td>${escape(item.score)}</td><td>${escape(item.score === null ? t('notScored') : scale ? `${translatedOr(t, `figure.${scale}`, scale)}: ${shown}` : '')}</td></tr>`;
    })
    .join('\n');
  const reviewText = review?.completed
    ? `${escape(t('reviewLatest', { from: text.date(review.from), to: text.date(review.to), at: text.date(review.completed.at.slice(0, 10)) }))} <strong>${escape(
        t('reviewScore', { total: review.completed.total, band: t(`totalBand.${review.completed.band}`) }),
      )}</strong>. ${escape(t('reviewFloor'))}`
    : escape(t('noReview'));
  const who =
    team === null
      ? specialist === null
        ? t('allTeams')
        : capitalised(t('caseloadOf', { specialist }))
      : specialist === null
        ? team
        : `${team}, ${t('caseloadOf', { specialist })}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escape(t('quarterlyTitle'))} ${escape(outcomes.quarter)}</title>
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
<h1>${escape(t('quarterlyTitle'))}: ${escape(outcomes.quarter)}</h1>
<p class="meta">${escape(who)} · ${escape(t('generated', { at: text.dateTime(generatedAt) }))}</p>
<section>
<h2>${escape(t('outcomes'))}</h2>
<table>
${outcomeRows}
</table>
</section>
<section>
<h2>${escape(t('fidelityHeading', { from: text.date(fidelity.period.from), to: text.date(fidelity.period.to) }))}</h2>
<table>
<tr><th>${escape(t('item'))}</th><td>${escape(t('score'))}</td><td>${escape(t('keyFigure'))}</td></tr>
${itemRows}
</table>
<p>${reviewText}</p>
</section>
</body>
</html>
`;
}
