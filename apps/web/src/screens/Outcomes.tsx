import { useId, useMemo, useState } from 'react';
import { Page } from '../Page';
import { ApiError, api, authHeaders } from '../api';
import { LANGUAGES, useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { Session } from '../session';
import { useTeams } from '../teams';
import { problemText } from './Fidelity';
import './fidelity.css';
import { PerTeamTable, QuarterChoice, TeamChoice } from './figure-parts';

type RateBand = 'below-minimal' | 'minimal' | 'average' | 'excellent';

/** GET /team-view/outcomes for one quarter. */
export interface QuarterOutcomes {
  readonly quarter: string;
  readonly participantsServed: number;
  readonly participantsEmployed: number;
  readonly employmentRate: number | null;
  readonly band: RateBand | null;
  readonly jobStarts: { readonly first: number; readonly later: number };
  readonly medianDaysToFirstJob: number | null;
  readonly averageHoursPerWeek: number | null;
  readonly averageHourlyWage: number | null;
  readonly benchmarks: { readonly minimal: number; readonly average: number; readonly excellent: number };
  readonly medianLongestJobTenureDays: number | null;
  readonly steadyWorkers: number;
  readonly steadyWorkerRate: number | null;
  readonly medianLengthOfStayDays: number | null;
}

/** How many quarters the chart shows, the current one last. */
export const QUARTERS_SHOWN = 8;
const BENCHMARKS = { minimal: 0.31, average: 0.41, excellent: 0.5 } as const;

/** The label of the quarter `back` quarters before `label` (2026-Q1 → 2025-Q4 for 1). */
export function quarterBefore(label: string, back: number): string {
  const [year, q] = label.split('-Q').map(Number) as [number, number];
  const index = year * 4 + (q - 1) - back;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The `count` quarters up to `label`, oldest first. */
export const quartersUpTo = (label: string, count = QUARTERS_SHOWN): string[] => Array.from({ length: count }, (_, i) => quarterBefore(label, count - 1 - i));

const pick = <T extends Record<string, string>>(table: T, key: string): string => (key in table ? (table[key as keyof T] as string) : key);

/**
 * The quarters' outcomes against the IPS benchmarks: the chosen quarter's figures, a chart of the employment rate
 * over the last quarters with the benchmark lines (and the same as a table), and the printable report to download.
 * Team staff see their teams' (GET /team-view/outcomes); the programme's own staff every team's side by side, small
 * cells suppressed (GET /programme/outcomes).
 */
export function OutcomesScreen({ session }: { session: Session }) {
  return session.user.agency === 'programme' ? <ProgrammeOutcomesScreen session={session} /> : <TeamOutcomesScreen session={session} />;
}

/** A rate as a percentage in the reader's language. */
function usePercent(): (value: number | null) => string {
  const { language } = useI18n();
  const locale = LANGUAGES.find((entry) => entry.code === language)?.locale ?? 'nb-NO';
  const format = useMemo(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }), [locale]);
  return (value) => (value === null ? '–' : format.format(value));
}

function TeamOutcomesScreen({ session }: { session: Session }) {
  const { m } = useI18n();
  const f = m.fidelity;
  const { teams } = useTeams();
  const [chosenQuarter, setQuarter] = useState<string | null>(null);
  const [team, setTeam] = useState('');
  const id = useId();
  // The current quarter is the platform's (its clock and calendar), then the ones before it.
  const series = useLoad(async () => {
    const teamParam = team ? `team=${encodeURIComponent(team)}` : '';
    const current = await api<QuarterOutcomes>(`/team-view/outcomes${teamParam ? `?${teamParam}` : ''}`);
    const before = quartersUpTo(current.quarter).slice(0, -1);
    return [
      ...(await Promise.all(before.map((label) => api<QuarterOutcomes>(`/team-view/outcomes?quarter=${label}${teamParam ? `&${teamParam}` : ''}`)))),
      current,
    ];
  }, [team, session.token]);
  const quarters = series.data?.map((entry) => entry.quarter) ?? [];
  const chosen = series.data?.find((entry) => entry.quarter === chosenQuarter) ?? series.data?.at(-1) ?? null;
  const quarter = chosen?.quarter ?? '';
  const rate = usePercent();

  return (
    <Page title={f.outcomesTitle}>
      <p className="lead">{f.outcomesLead}</p>
      <div className="toolbar">
        <QuarterChoice id={id} label={f.quarter} quarters={quarters} value={quarter} onChange={setQuarter} />
        <TeamChoice id={id} label={f.team} allLabel={f.allTeams} teams={teams} value={team} onChange={setTeam} />
      </div>
      <LoadState loaded={series} describe={(error) => problemText(f, error)} />
      {series.data && (
        <>
          {chosen && <QuarterFigures outcomes={chosen} rate={rate} />}
          <ReportLink quarter={quarter} href={`/team-view/outcomes/report?${reportParams(quarter, team)}`} />
          <RateChart series={series.data.map((entry) => pointOf(entry))} rate={rate} />
        </>
      )}
    </Page>
  );
}

/** A figure of GET /programme/outcomes: a number, or hidden ("<5" under five participants, "suppressed" where a total would give one away). */
type Shown = number | '<5' | 'suppressed';

interface OutcomeColumn {
  readonly participantsServed: Shown;
  readonly participantsEmployed: Shown;
  readonly employmentRate: Shown | null;
  readonly band: RateBand | '<5' | 'suppressed' | null;
  readonly jobStarts: { readonly first: Shown; readonly later: Shown };
  readonly medianDaysToFirstJob: Shown | null;
  readonly medianLongestJobTenureDays: Shown | null;
  readonly steadyWorkers: Shown;
  readonly steadyWorkerRate: Shown | null;
  readonly averageHoursPerWeek: Shown | null;
  readonly averageHourlyWage: Shown | null;
  readonly medianLengthOfStayDays: Shown | null;
}

/** GET /programme/outcomes for one quarter: every team's column and the total. */
export interface ProgrammeOutcomes {
  readonly quarter: string;
  readonly benchmarks: { readonly minimal: number; readonly average: number; readonly excellent: number };
  readonly teams: readonly (OutcomeColumn & { readonly teamId: string; readonly name: string; readonly municipality: string })[];
  readonly total: OutcomeColumn & { readonly teams: number };
}

/** The quarter a calendar day (YYYY-MM-DD) is in. */
const quarterOfDay = (day: string): string => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** The programme's own staff: every team's outcomes side by side and in total, small cells hidden; never a participant. */
function ProgrammeOutcomesScreen({ session }: { session: Session }) {
  const { m, t, number } = useI18n();
  const f = m.fidelity;
  const { teams, ready } = useTeams();
  const rate = usePercent();
  const id = useId();
  const [chosenQuarter, setQuarter] = useState<string | null>(null);
  // The programme's today is its teams' (the platform's calendar); before any team exists, this browser's.
  const current = quarterOfDay(teams[0]?.today ?? new Date().toISOString().slice(0, 10));
  const series = useLoad(
    async () => (ready ? Promise.all(quartersUpTo(current).map((label) => api<ProgrammeOutcomes>(`/programme/outcomes?quarter=${label}`))) : null),
    [ready, current, session.token],
  );
  const data = series.data ?? null;
  const quarters = data?.map((entry) => entry.quarter) ?? [];
  const chosen = data?.find((entry) => entry.quarter === chosenQuarter) ?? data?.at(-1) ?? null;
  const quarter = chosen?.quarter ?? '';
  const shown = (value: Shown | null): string => (value === null ? '–' : value === 'suppressed' ? f.suppressed : value === '<5' ? '<5' : number(value));
  const shownRate = (value: Shown | null): string => (typeof value === 'number' ? rate(value) : shown(value));
  const bandOf = (band: OutcomeColumn['band']): string =>
    band === null ? '–' : band === '<5' || band === 'suppressed' ? shown(band) : pick(f.rateBands, band);
  const rows: [string, (column: OutcomeColumn) => string][] = [
    [f.served, (column) => shown(column.participantsServed)],
    [f.employed, (column) => shown(column.participantsEmployed)],
    [f.employmentRate, (column) => shownRate(column.employmentRate)],
    [f.rateBand, (column) => bandOf(column.band)],
    [f.jobStarts, (column) => `${shown(column.jobStarts.first)} / ${shown(column.jobStarts.later)}`],
    [f.medianDaysToFirstJob, (column) => shown(column.medianDaysToFirstJob)],
    [f.medianLongestJobTenureDays, (column) => shown(column.medianLongestJobTenureDays)],
    [f.steadyWorkers, (column) => `${shown(column.steadyWorkers)} (${shownRate(column.steadyWorkerRate)})`],
    [f.averageHoursPerWeek, (column) => shown(column.averageHoursPerWeek)],
    [f.averageHourlyWage, (column) => shown(column.averageHourlyWage)],
    [f.medianLengthOfStayDays, (column) => shown(column.medianLengthOfStayDays)],
  ];
  return (
    <Page title={f.outcomesTitle}>
      <p className="lead">{f.programmeOutcomesLead}</p>
      <div className="toolbar">
        <QuarterChoice id={id} label={f.quarter} quarters={quarters} value={quarter} onChange={setQuarter} />
      </div>
      <LoadState loaded={series} describe={(error) => problemText(f, error)} />
      {data && chosen && (
        <>
          <section className="card outcomes-figures" aria-labelledby={`${id}-figures`}>
            <h2 id={`${id}-figures`}>{t(f.programmeFiguresTitle, { quarter: chosen.quarter })}</h2>
            <p className="hint">
              {t(f.benchmarks, {
                minimal: rate(chosen.benchmarks.minimal),
                average: rate(chosen.benchmarks.average),
                excellent: rate(chosen.benchmarks.excellent),
              })}
            </p>
            {chosen.teams.length === 0 && <p>{f.noTeams}</p>}
            <PerTeamTable
              caption={t(f.programmeFiguresTitle, { quarter: chosen.quarter })}
              corner={f.figure}
              totalLabel={f.allTeamsColumn}
              teams={chosen.teams}
              total={chosen.total}
              rows={rows.map(([label, value]) => ({ key: label, label, value }))}
            />
            <p className="hint">{f.suppressionNote}</p>
          </section>
          <ReportLink quarter={quarter} href={`/programme/outcomes?quarter=${encodeURIComponent(quarter)}`} withLanguage={false} />
          <RateChart
            series={data.map((entry) => ({
              quarter: entry.quarter,
              rate: typeof entry.total.employmentRate === 'number' ? entry.total.employmentRate : null,
              hiddenRate: shownRate(entry.total.employmentRate),
              served: shown(entry.total.participantsServed),
              employed: shown(entry.total.participantsEmployed),
              band: typeof entry.total.band === 'string' && entry.total.band !== '<5' && entry.total.band !== 'suppressed' ? entry.total.band : null,
            }))}
            rate={rate}
          />
        </>
      )}
    </Page>
  );
}

function QuarterFigures({ outcomes, rate }: { outcomes: QuarterOutcomes; rate: (value: number | null) => string }) {
  const { m, t, number } = useI18n();
  const f = m.fidelity;
  const value = (figure: number | null): string => (figure === null ? '–' : number(figure));
  const rows: [string, string][] = [
    [f.served, number(outcomes.participantsServed)],
    [f.employed, number(outcomes.participantsEmployed)],
    [f.jobStarts, `${number(outcomes.jobStarts.first)} / ${number(outcomes.jobStarts.later)}`],
    [f.medianDaysToFirstJob, value(outcomes.medianDaysToFirstJob)],
    [f.medianLongestJobTenureDays, value(outcomes.medianLongestJobTenureDays)],
    [f.steadyWorkers, `${number(outcomes.steadyWorkers)} (${rate(outcomes.steadyWorkerRate)})`],
    [f.averageHoursPerWeek, value(outcomes.averageHoursPerWeek)],
    [f.averageHourlyWage, value(outcomes.averageHourlyWage)],
    [f.medianLengthOfStayDays, value(outcomes.medianLengthOfStayDays)],
  ];
  const { minimal, average, excellent } = outcomes.benchmarks;
  return (
    <section className="card outcomes-figures" aria-labelledby="outcomes-figures-title">
      <h2 id="outcomes-figures-title">{t(f.figuresTitle, { quarter: outcomes.quarter })}</h2>
      <p className="outcomes-rate">
        <span className="outcomes-rate-label">{f.employmentRate}</span>{' '}
        <strong className="outcomes-rate-value" data-testid="employment-rate">
          {rate(outcomes.employmentRate)}
        </strong>{' '}
        {outcomes.band ? <span className={`tag rate-${outcomes.band}`}>{pick(f.rateBands, outcomes.band)}</span> : <span className="hint">({f.noRate})</span>}
      </p>
      <p className="hint">{t(f.benchmarks, { minimal: rate(minimal), average: rate(average), excellent: rate(excellent) })}</p>
      <table className="list outcomes-table">
        <caption className="visually-hidden">{t(f.figuresTitle, { quarter: outcomes.quarter })}</caption>
        <tbody>
          {rows.map(([label, shown]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{shown}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The printable report needs the bearer token, so it is fetched and saved as a file (a link would be refused). */
function ReportLink({ quarter, href, withLanguage = true }: { quarter: string; href: string; withLanguage?: boolean }) {
  const { m, t, language } = useI18n();
  const f = m.fidelity;
  const [state, setState] = useState<{ kind: 'idle' | 'loading' | 'done' } | { kind: 'failed'; error: Error }>({ kind: 'idle' });
  // The report in the reader's language (the API's `lang`) where the route takes one.
  const link = withLanguage ? `${href}${href.includes('?') ? '&' : '?'}lang=${language}` : href;
  const download = async () => {
    setState({ kind: 'loading' });
    try {
      const response = await fetch(link, { headers: { accept: 'text/html', ...authHeaders() } });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as Record<string, unknown>;
        throw new ApiError(response.status, String(problem['code'] ?? response.status), String(problem['detail'] ?? response.statusText));
      }
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `ips-report-${quarter}.html`;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: 'done' });
    } catch (failure) {
      setState({ kind: 'failed', error: failure as Error });
    }
  };
  return (
    <div className="card outcomes-report">
      <p>
        <a
          href={link}
          download={`ips-report-${quarter}.html`}
          aria-describedby="outcomes-report-hint"
          onClick={(event) => {
            event.preventDefault();
            if (state.kind !== 'loading') void download();
          }}
        >
          {t(f.report, { quarter })}
        </a>
      </p>
      <p className="hint" id="outcomes-report-hint">
        {f.reportHint}
      </p>
      <p role="status" className={state.kind === 'failed' ? 'status failed' : 'status'}>
        {state.kind === 'loading'
          ? f.reportLoading
          : state.kind === 'done'
            ? f.reportReady
            : state.kind === 'failed'
              ? t(f.reportFailed, { detail: problemText(f, state.error) })
              : ''}
      </p>
    </div>
  );
}

/** A quarter on the chart: the rate (null: nobody served, or hidden), and the counts as shown. */
interface ChartPoint {
  readonly quarter: string;
  readonly rate: number | null;
  /** What the table says instead of a rate that is not shown ("<5", "suppressed" in the reader's words, or –). */
  readonly hiddenRate: string;
  readonly served: string;
  readonly employed: string;
  readonly band: string | null;
}

const pointOf = (entry: QuarterOutcomes): ChartPoint => ({
  quarter: entry.quarter,
  rate: entry.employmentRate,
  hiddenRate: '–',
  served: String(entry.participantsServed),
  employed: String(entry.participantsEmployed),
  band: entry.band,
});

const reportParams = (quarter: string, team: string): string => {
  const params = new URLSearchParams({ quarter });
  if (team) params.set('team', team);
  return params.toString();
};

/** The chart's frame: the plot area inside the margins, the benchmark labels on the right. */
const CHART = { width: 760, height: 300, left: 52, right: 190, top: 24, bottom: 40 } as const;

/** The employment rate per quarter as a line against the benchmark lines; the table below says the same in words. */
function RateChart({ series, rate }: { series: readonly ChartPoint[]; rate: (value: number | null) => string }) {
  const { m, t } = useI18n();
  const f = m.fidelity;
  const id = useId();
  const known = series.filter((entry) => entry.rate !== null);
  const highest = Math.max(0.6, ...known.map((entry) => entry.rate as number));
  const top = Math.ceil(highest * 10) / 10;
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  // The first and last quarters sit a little inside the plot, clear of the axis and the benchmarks' labels.
  const inset = 28;
  const x = (index: number) =>
    CHART.left + inset + (series.length === 1 ? (plotWidth - 2 * inset) / 2 : (index * (plotWidth - 2 * inset)) / (series.length - 1));
  const y = (value: number) => CHART.top + plotHeight - (value / top) * plotHeight;
  const ticks = Array.from({ length: Math.round(top * 10) + 1 }, (_, i) => i / 10).filter((_, i) => i % 2 === 0);
  // The line breaks where a quarter had nobody served (no rate), rather than drawing through it.
  const segments: { index: number; value: number }[][] = [];
  series.forEach((entry, index) => {
    if (entry.rate === null) segments.push([]);
    else {
      if (segments.length === 0) segments.push([]);
      segments[segments.length - 1]?.push({ index, value: entry.rate });
    }
  });
  const first = known[0];
  const last = known[known.length - 1];
  const summary =
    first && last
      ? t(f.chartSummary, { first: rate(first.rate), firstQuarter: first.quarter, last: rate(last.rate), lastQuarter: last.quarter })
      : f.chartNoData;
  const benchmarks = (Object.keys(BENCHMARKS) as (keyof typeof BENCHMARKS)[]).map((key) => ({ key, value: BENCHMARKS[key] }));

  return (
    <section className="card outcomes-chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(f.chartTitle, { count: series.length })}</h2>
      <figure>
        <svg
          viewBox={`0 0 ${CHART.width} ${CHART.height}`}
          role="img"
          aria-labelledby={`${id}-svg-title ${id}-svg-desc`}
          className="rate-chart"
          data-testid="rate-chart"
        >
          <title id={`${id}-svg-title`}>{t(f.chartTitle, { count: series.length })}</title>
          <desc id={`${id}-svg-desc`}>{summary}</desc>
          <g className="axis">
            {ticks.map((tick) => (
              <g key={tick}>
                <line x1={CHART.left} x2={CHART.width - CHART.right} y1={y(tick)} y2={y(tick)} className="grid" />
                <text x={CHART.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
                  {rate(tick)}
                </text>
              </g>
            ))}
            {series.map((entry, index) => (
              <text key={entry.quarter} x={x(index)} y={CHART.height - CHART.bottom + 22} textAnchor="middle">
                {entry.quarter}
              </text>
            ))}
          </g>
          {benchmarks.map((benchmark) => (
            <g key={benchmark.key} className={`benchmark benchmark-${benchmark.key}`}>
              <line x1={CHART.left} x2={CHART.width - CHART.right} y1={y(benchmark.value)} y2={y(benchmark.value)} />
              <text x={CHART.width - CHART.right + 8} y={y(benchmark.value)} dy="0.32em">
                {`${pick(f.benchmarkNames, benchmark.key)} ${rate(benchmark.value)}`}
              </text>
            </g>
          ))}
          {segments
            .filter((segment) => segment.length > 1)
            .map((segment) => (
              <polyline key={segment[0]?.index} className="rate-line" points={segment.map((point) => `${x(point.index)},${y(point.value)}`).join(' ')} />
            ))}
          {series.map((entry, index) =>
            entry.rate === null ? null : (
              <g key={entry.quarter} className="rate-point">
                <circle cx={x(index)} cy={y(entry.rate)} r={5} />
                <text x={x(index)} y={y(entry.rate) - 10} textAnchor="middle">
                  {rate(entry.rate)}
                </text>
              </g>
            ),
          )}
        </svg>
        <figcaption className="hint">{summary}</figcaption>
      </figure>
      <table className="list outcomes-series">
        <caption>{f.chartTableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{f.quarter}</th>
            <th scope="col">{f.served}</th>
            <th scope="col">{f.employed}</th>
            <th scope="col">{f.employmentRate}</th>
            <th scope="col">{f.rateBand}</th>
          </tr>
        </thead>
        <tbody>
          {[...series].reverse().map((entry) => (
            <tr key={entry.quarter}>
              <th scope="row">{entry.quarter}</th>
              <td>{entry.served}</td>
              <td>{entry.employed}</td>
              <td>{entry.rate === null ? entry.hiddenRate : rate(entry.rate)}</td>
              <td>{entry.band ? pick(f.rateBands, entry.band) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
