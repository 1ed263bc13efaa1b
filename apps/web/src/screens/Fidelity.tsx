import { FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Page } from '../Page';
import { ApiError, api } from '../api';
import { write } from '../routes';
import { PerTeamTable, SubmitRow, TeamChoice, fieldErrorOf } from './figure-parts';
import { useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { navigate } from '../router';
import { Session } from '../session';
import { useTeams } from '../teams';
import type { FidelityMessages } from '../messages/fidelity';
import './fidelity.css';

/** One participant behind an item's score, and the events that show why (`detail` is the API's English). */
interface Driver {
  readonly participantId: string;
  readonly eventIds: readonly string[];
  readonly detail: string;
}

type FigureValue = number | string | boolean | null | readonly FigureValue[] | { readonly [key: string]: FigureValue };

/** An item of GET /team-view/fidelity. */
export interface ComputedItem {
  readonly item: string;
  readonly name: string;
  readonly source: 'events' | 'reviewer';
  readonly score: number | null;
  readonly anchor: { readonly text: string; readonly confirmed: boolean } | null;
  readonly reason?: string;
  readonly figures: Readonly<Record<string, FigureValue>>;
  readonly drivers: readonly Driver[];
  readonly withheldDrivers?: number;
  readonly driversTotal: number;
}

type Band = 'exemplary' | 'good' | 'fair' | 'not-ips';

export interface FidelityAnswer {
  readonly period: { readonly from: string; readonly to: string };
  readonly team: string | null;
  readonly items: readonly ComputedItem[];
  readonly total: number | null;
  readonly band: Band | null;
  readonly scoredItems: number;
  readonly computedTotal: number;
  readonly minReachable: number;
  readonly maxReachable: number;
  readonly next: number | null;
}

interface ReviewListed {
  readonly reviewId: string;
  readonly team: string | null;
  readonly from: string;
  readonly to: string;
  readonly status: 'open' | 'completed';
  readonly completedAt: string | null;
  readonly total: number | null;
  readonly band: Band | null;
}

interface ReviewItem {
  readonly item: string;
  readonly name: string;
  readonly source: 'events' | 'reviewer' | null;
  readonly score: number | null;
  readonly note?: string;
  readonly scoredBy?: string;
  readonly reason?: string;
}

export interface FidelityReview {
  readonly reviewId: string;
  readonly team: string | null;
  readonly from: string;
  readonly to: string;
  readonly reviewers: readonly string[];
  readonly status: 'open' | 'completed';
  readonly openedAt: string;
  readonly completedAt: string | null;
  readonly items: readonly ReviewItem[];
  readonly total: number | null;
  readonly band: Band | null;
  readonly missingItems: readonly string[];
}

interface Listed {
  readonly participantId: string;
  readonly name: { givenName: string; familyName: string } | null;
}

/** Drivers per item and page: small, since every participant named on a page is written to their access log. */
export const DRIVERS_PAGE = 10;
const SCORES = ['1', '2', '3', '4', '5'] as const;

/** A table of the fidelity catalogue by key, else the key as it is. */
const pick = <T extends Record<string, string>>(table: T, key: string): string => (key in table ? (table[key as keyof T] as string) : key);

/** A problem+json answer in the reader's language: its code when the catalogue knows it, else the API's detail. */
export function problemText(f: FidelityMessages, error: Error): string {
  return error instanceof ApiError && error.code in f.problems ? pick(f.problems, error.code) : error.message;
}

/** The problems an answer names per field, in the reader's language where the catalogue knows the field. */
export function fieldProblems(f: FidelityMessages, error: Error | null, fields: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const found: Record<string, string> = {};
  for (const entry of error.fieldErrors) {
    const field = fields.find((name) => entry.field === name || entry.field.startsWith(`${name}.`) || entry.field.startsWith(`${name}[`));
    if (field && !found[field]) found[field] = pick(f.fieldProblems, field) === field ? entry.message : pick(f.fieldProblems, field);
  }
  // A problem about one field that the API names by its code only.
  if (error.code === 'TEAM.NOT_FOUND' && fields.includes('team') && !found['team']) found['team'] = problemText(f, error);
  return found;
}

/** The errors of a form as one sentence for its status line (the fields' own problems are shown at them). */
const formProblem = (f: FidelityMessages, error: Error, shownAtFields: boolean): string =>
  shownAtFields && error instanceof ApiError && error.code === 'REQUEST.INVALID' ? '' : problemText(f, error);

/** A field's error paragraph and the attributes that tie it to its control. */
/**
 * The supervisors' fidelity screen: the IPS-25 items computed from the team's events for a period (score, figures
 * and the participants behind each, paged), the fidelity reviews, and one review opened to score the reviewer's items
 * and complete it. Every problem the API answers is shown in the reader's language, at the field it is about.
 */
export function FidelityScreen({ session }: { session: Session }) {
  return session.user.agency === 'programme' ? <ProgrammeFidelityScreen /> : <TeamFidelityScreen session={session} />;
}

function TeamFidelityScreen({ session }: { session: Session }) {
  const { m } = useI18n();
  const f = m.fidelity;
  const { teams } = useTeams();
  // The period is the platform's (90 days up to its today) until the reader picks another.
  const [query, setQuery] = useState<Query>({ from: '', to: '', team: '' });
  const [shown, setShown] = useState<{ from: string; to: string } | null>(null);
  const [openReviewId, setOpenReviewId] = useState<string | null>(null);
  return (
    <Page title={f.fidelityTitle}>
      <p className="lead">{f.fidelityLead}</p>
      <ComputedItems query={query} onQuery={setQuery} onPeriod={setShown} teams={teams} />
      <Reviews session={session} teams={teams} period={shown} openReviewId={openReviewId} onOpen={setOpenReviewId} />
    </Page>
  );
}

interface Query {
  readonly from: string;
  readonly to: string;
  readonly team: string;
}

const fidelityPath = (query: Query, offset = 0): string => {
  const params = new URLSearchParams({ limit: String(DRIVERS_PAGE), offset: String(offset) });
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.team) params.set('team', query.team);
  return `/team-view/fidelity?${params.toString()}`;
};

function PeriodForm({
  query,
  shown,
  onQuery,
  teams,
  error,
}: {
  query: Query;
  shown: { from: string; to: string } | null;
  onQuery: (query: Query) => void;
  teams: readonly { teamId: string; name: string }[];
  error: Error | null;
}) {
  const { m } = useI18n();
  const f = m.fidelity;
  const id = useId();
  const [draft, setDraft] = useState(query);
  // The fields show the period the platform answered for, until the reader changes them.
  useEffect(() => {
    if (shown) setDraft((current) => (current.from || current.to ? current : { ...current, from: shown.from, to: shown.to }));
  }, [shown]);
  const problems = fieldProblems(f, error, ['from', 'to', 'team']);
  const from = fieldErrorOf(`${id}-from`, problems['from']);
  const to = fieldErrorOf(`${id}-to`, problems['to']);
  return (
    <form
      className="card fidelity-period"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onQuery(draft);
      }}
    >
      <h2 id={`${id}-title`}>{f.choosePeriod}</h2>
      <div className="fidelity-fields">
        <div className="field">
          <label htmlFor={`${id}-from`}>{f.from}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={draft.from}
            required
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
            {...from.control}
          />
          {from.text}
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{f.to}</label>
          <input id={`${id}-to`} type="date" value={draft.to} required onChange={(event) => setDraft({ ...draft, to: event.target.value })} {...to.control} />
          {to.text}
        </div>
        <TeamChoice
          id={id}
          label={f.team}
          allLabel={f.allTeams}
          teams={teams}
          value={draft.team}
          onChange={(teamId) => setDraft({ ...draft, team: teamId })}
          problem={problems['team']}
        />
        <div className="field fidelity-submit">
          <button type="submit">{f.show}</button>
        </div>
      </div>
    </form>
  );
}

function ComputedItems({
  query,
  onQuery,
  onPeriod,
  teams,
}: {
  query: Query;
  onQuery: (query: Query) => void;
  onPeriod: (period: { from: string; to: string }) => void;
  teams: readonly { teamId: string; name: string }[];
}) {
  const { m, t, date, number } = useI18n();
  const f = m.fidelity;
  const loaded = useLoad(() => api<FidelityAnswer>(fidelityPath(query)), [query.from, query.to, query.team]);
  // The participants' names: the drivers carry ids only (the list is the reader's own, consent-filtered).
  const names = useLoad(async () => {
    const params = new URLSearchParams({ scope: 'all', limit: '500' });
    if (query.team) params.set('team', query.team);
    const answer = await api<{ participants: Listed[] }>(`/team-view/participants?${params.toString()}`).catch(() => ({ participants: [] as Listed[] }));
    return new Map(
      answer.participants.filter((entry) => entry.name).map((entry) => [entry.participantId, `${entry.name?.givenName} ${entry.name?.familyName}`]),
    );
  }, [query.team]);
  const data = loaded.data;
  useEffect(() => {
    if (data) onPeriod(data.period);
  }, [data, onPeriod]);
  // Later pages of drivers are of the period answered, whatever the fields say meanwhile.
  const answered: Query = data ? { from: data.period.from, to: data.period.to, team: query.team } : query;
  const problems = fieldProblems(f, loaded.error, ['from', 'to', 'team']);
  const shownAtFields = Object.keys(problems).length > 0;
  return (
    <>
      <PeriodForm query={query} shown={data?.period ?? null} onQuery={onQuery} teams={teams} error={loaded.error} />
      {!shownAtFields && <LoadState loaded={loaded} describe={(error) => problemText(f, error)} />}
      {data && !loaded.error && (
        <section aria-labelledby="fidelity-items-title" className="fidelity-items-section">
          <h2 id="fidelity-items-title">{f.itemsTitle}</h2>
          <p>{t(f.periodShown, { from: date(data.period.from), to: date(data.period.to) })}</p>
          <p className="fidelity-summary" data-testid="fidelity-summary">
            {data.total !== null && data.band
              ? t(f.summaryComplete, { total: data.total, band: pick(f.bands, data.band) })
              : t(f.summaryPartial, { scored: data.scoredItems, sum: data.computedTotal, min: data.minReachable, max: data.maxReachable })}
          </p>
          <ol className="fidelity-items">
            {data.items.map((item) => (
              <ItemCard key={`${answered.from}-${answered.to}-${answered.team}-${item.item}`} item={item} query={answered} names={names.data} number={number} />
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

/** A figure's value as the reader reads numbers; objects and lists (per specialist, per phase) are left to the CSV. */
const scalar = (value: FigureValue): value is number | string | boolean => typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';

function ItemCard({ item, query, names, number }: { item: ComputedItem; query: Query; names: Map<string, string> | null; number: (value: number) => string }) {
  const { m, t, date } = useI18n();
  const f = m.fidelity;
  const headingId = `fidelity-item-${item.item}`;
  const [more, setMore] = useState<Driver[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const firstNew = useRef<HTMLLIElement>(null);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const drivers = useMemo(() => [...item.drivers, ...more], [item.drivers, more]);
  useEffect(() => {
    if (focusFrom !== null) firstNew.current?.focus();
  }, [focusFrom]);
  const name = pick(f.items, item.item);
  const figures = Object.entries(item.figures).filter(([key, value]) => key !== 'measured' && scalar(value));
  const measured = typeof item.figures['measured'] === 'string' ? item.figures['measured'] : null;
  const showMore = async () => {
    setLoading(true);
    try {
      const page = await api<FidelityAnswer>(fidelityPath(query, drivers.length));
      const next = page.items.find((candidate) => candidate.item === item.item)?.drivers ?? [];
      setFocusFrom(drivers.length);
      setMore((current) => [...current, ...next]);
      setError(null);
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setLoading(false);
    }
  };
  const valueOf = (key: string, value: number | string | boolean): string =>
    typeof value === 'number' ? number(value) : typeof value === 'boolean' ? (value ? f.yes : f.no) : key === 'asOf' ? date(value) : value;

  return (
    <li className="card fidelity-item">
      <details>
        <summary>
          <span className="fidelity-item-head" id={headingId}>
            <span className="fidelity-id">{item.item}</span> {name}
          </span>
          <ScoreBadge score={item.score} />
        </summary>
        <div className="fidelity-item-body">
          {item.source === 'reviewer' ? (
            <p>{f.reviewerItem}</p>
          ) : (
            <>
              {item.anchor && (
                <p>
                  {t(f.anchor, { text: item.anchor.text })}
                  {!item.anchor.confirmed && <span className="hint"> ({f.anchorUnconfirmed})</span>}
                </p>
              )}
              {item.reason && (
                <p>
                  <strong>{f.reason}:</strong> <span lang="en">{item.reason}</span>
                </p>
              )}
              {figures.length > 0 && (
                <>
                  <h3>{f.figures}</h3>
                  <dl className="facts">
                    {figures.map(([key, value]) => (
                      <div key={key} className="fidelity-figure">
                        <dt>{pick(f.figureNames, key)}</dt>
                        <dd>{valueOf(key, value as number | string | boolean)}</dd>
                      </div>
                    ))}
                  </dl>
                </>
              )}
              {measured && (
                <details className="fidelity-measured">
                  <summary>{f.measured}</summary>
                  <p lang="en">{measured}</p>
                </details>
              )}
              <h3>{f.drivers}</h3>
              {item.driversTotal === 0 ? (
                <p>{f.noDrivers}</p>
              ) : (
                <>
                  <p className="hint">{t(f.driversShown, { shown: drivers.length, total: item.driversTotal })}</p>
                  <ul className="fidelity-drivers">
                    {drivers.map((driver, index) => (
                      <li
                        key={`${driver.participantId}-${index}`}
                        ref={index === focusFrom ? firstNew : undefined}
                        tabIndex={index === focusFrom ? -1 : undefined}
                      >
                        <a
                          href={`/participants/${driver.participantId}`}
                          onClick={(event) => {
                            event.preventDefault();
                            navigate(`/participants/${driver.participantId}`);
                          }}
                        >
                          {names?.get(driver.participantId) ?? t(f.unnamed, { id: driver.participantId.slice(0, 8) })}
                        </a>
                        : <span lang="en">{driver.detail}</span>
                      </li>
                    ))}
                  </ul>
                  {drivers.length < item.driversTotal && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={loading}
                      aria-label={t(f.showMore, { item: `${item.item} ${name}` })}
                      onClick={() => void showMore()}
                    >
                      {f.showMoreShort}
                    </button>
                  )}
                  {error && (
                    <p className="field-error" role="alert">
                      {t(m.app.error, { detail: problemText(f, error) })}
                    </p>
                  )}
                </>
              )}
              {(item.withheldDrivers ?? 0) > 0 && <p className="hint">{t(f.withheld, { count: item.withheldDrivers ?? 0 })}</p>}
            </>
          )}
        </div>
      </details>
    </li>
  );
}

/** A score of 1–5 as text and as five pips (the pips are decoration: the text says it). */
function ScoreBadge({ score }: { score: number | null }) {
  const { m, t } = useI18n();
  const f = m.fidelity;
  if (score === null) return <span className="fidelity-score none">{f.noScore}</span>;
  return (
    <span className={`fidelity-score score-${score}`}>
      <span className="pips" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((pip) => (
          <span key={pip} className={pip <= score ? 'pip on' : 'pip'} />
        ))}
      </span>
      {t(f.scoreOf, { score })}
    </span>
  );
}

function Reviews({
  session,
  teams,
  period,
  openReviewId,
  onOpen,
}: {
  session: Session;
  teams: readonly { teamId: string; name: string }[];
  period: { from: string; to: string } | null;
  openReviewId: string | null;
  onOpen: (reviewId: string | null) => void;
}) {
  const { m, t, date } = useI18n();
  const f = m.fidelity;
  const list = useLoad(() => api<{ reviews: ReviewListed[] }>('/team-view/fidelity/reviews'), []);
  const teamName = (team: string | null) => (team === null ? f.allTeams : (teams.find((entry) => entry.teamId === team)?.name ?? team));
  const reviews = list.data?.reviews ?? [];
  return (
    <section aria-labelledby="fidelity-reviews-title" className="fidelity-reviews">
      <h2 id="fidelity-reviews-title">{f.reviewsTitle}</h2>
      <p className="lead">{f.reviewsLead}</p>
      <LoadState loaded={list} describe={(error) => problemText(f, error)} />
      {list.data && reviews.length === 0 && <p>{f.noReviews}</p>}
      {reviews.length > 0 && (
        <table className="list">
          <caption className="visually-hidden">{f.reviewsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{f.period}</th>
              <th scope="col">{f.team}</th>
              <th scope="col">{f.status}</th>
              <th scope="col">{f.total}</th>
              <th scope="col">
                <span className="visually-hidden">{f.openReview}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((review) => (
              <tr key={review.reviewId} aria-current={review.reviewId === openReviewId ? 'true' : undefined}>
                <th scope="row">
                  {date(review.from)}–{date(review.to)}
                </th>
                <td>{teamName(review.team)}</td>
                <td>
                  <span className={`tag review-${review.status}`}>{pick(f.statuses, review.status)}</span>
                </td>
                <td>{review.total !== null && review.band ? `${review.total} – ${pick(f.bands, review.band)}` : '–'}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t(f.openReviewOf, { from: date(review.from), to: date(review.to) })}
                    onClick={() => onOpen(review.reviewId)}
                  >
                    {f.openReview}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {openReviewId && (
        <ReviewDetail
          key={openReviewId}
          session={session}
          reviewId={openReviewId}
          teamName={teamName}
          onChanged={() => void list.reload()}
          onClose={() => onOpen(null)}
        />
      )}
      <NewReviewForm
        session={session}
        teams={teams}
        period={period}
        onOpened={async (reviewId) => {
          await list.reload();
          onOpen(reviewId);
        }}
      />
    </section>
  );
}

function NewReviewForm({
  session,
  teams,
  period,
  onOpened,
}: {
  session: Session;
  teams: readonly { teamId: string; name: string }[];
  period: { from: string; to: string } | null;
  onOpened: (reviewId: string) => Promise<void>;
}) {
  const { m, t } = useI18n();
  const f = m.fidelity;
  const id = useId();
  const [values, setValues] = useState({ from: '', to: '', team: teams.length === 1 ? (teams[0]?.teamId ?? '') : '', reviewers: session.user.sub });
  // The period shown above, until the reader writes another.
  useEffect(() => {
    if (period) setValues((current) => (current.from || current.to ? current : { ...current, from: period.from, to: period.to }));
  }, [period]);
  const [state, setState] = useState<{ kind: 'idle' | 'sending' | 'saved' } | { kind: 'failed'; error: Error }>({ kind: 'idle' });
  // The reader's only team is chosen once the teams are read.
  useEffect(() => {
    if (teams.length === 1 && values.team === '') setValues((current) => ({ ...current, team: teams[0]?.teamId ?? '' }));
  }, [teams, values.team]);
  const error = state.kind === 'failed' ? state.error : null;
  const problems = fieldProblems(f, error, ['from', 'to', 'team', 'reviewers']);
  const from = fieldErrorOf(`${id}-from`, problems['from']);
  const to = fieldErrorOf(`${id}-to`, problems['to']);
  const reviewers = fieldErrorOf(`${id}-reviewers`, problems['reviewers']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'sending' });
    try {
      const body = {
        from: values.from,
        to: values.to,
        ...(values.team ? { team: values.team } : {}),
        reviewers: values.reviewers
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      };
      const created = await write<{ reviewId: string }>('POST /team-view/fidelity/reviews', {}, body);
      setState({ kind: 'saved' });
      await onOpened(created.reviewId);
    } catch (failure) {
      setState({ kind: 'failed', error: failure as Error });
    }
  };
  const status =
    state.kind === 'sending' ? f.sending : state.kind === 'saved' ? f.created : error ? formProblem(f, error, Object.keys(problems).length > 0) : '';
  return (
    <form className="card form fidelity-new-review" aria-labelledby={`${id}-title`} noValidate onSubmit={(event) => void submit(event)}>
      <h3 id={`${id}-title`}>{f.newReview}</h3>
      <div className="fidelity-fields">
        <div className="field">
          <label htmlFor={`${id}-from`}>
            {f.from} <span className="hint">({f.required})</span>
          </label>
          <input
            id={`${id}-from`}
            type="date"
            required
            value={values.from}
            onChange={(event) => setValues({ ...values, from: event.target.value })}
            {...from.control}
          />
          {from.text}
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>
            {f.to} <span className="hint">({f.required})</span>
          </label>
          <input
            id={`${id}-to`}
            type="date"
            required
            value={values.to}
            onChange={(event) => setValues({ ...values, to: event.target.value })}
            {...to.control}
          />
          {to.text}
        </div>
        <TeamChoice
          id={id}
          label={f.team}
          allLabel={f.allTeams}
          teams={teams}
          value={values.team}
          onChange={(teamId) => setValues({ ...values, team: teamId })}
          problem={problems['team']}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reviewers`}>
          {f.reviewers} <span className="hint">({f.required})</span>
        </label>
        <textarea
          id={`${id}-reviewers`}
          rows={3}
          required
          value={values.reviewers}
          onChange={(event) => setValues({ ...values, reviewers: event.target.value })}
          aria-invalid={reviewers.control['aria-invalid']}
          aria-describedby={[`${id}-reviewers-hint`, reviewers.control['aria-describedby']].filter(Boolean).join(' ')}
        />
        <p className="hint" id={`${id}-reviewers-hint`}>
          {t(f.reviewersHint, { sub: session.user.sub })}
        </p>
        {reviewers.text}
      </div>
      <SubmitRow label={f.create} sending={state.kind === 'sending'} failed={state.kind === 'failed'} status={status} />
    </form>
  );
}

function ReviewDetail({
  session,
  reviewId,
  teamName,
  onChanged,
  onClose,
}: {
  session: Session;
  reviewId: string;
  teamName: (team: string | null) => string;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { m, t, date, dateTime } = useI18n();
  const f = m.fidelity;
  const { nameOf } = useTeams();
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = useLoad(() => api<FidelityReview>(`/team-view/fidelity/reviews/${encodeURIComponent(reviewId)}`), [reviewId]);
  const [review, setReview] = useState<FidelityReview | null>(null);
  const [completion, setCompletion] = useState<{ kind: 'idle' | 'sending' | 'done' } | { kind: 'failed'; error: Error }>({ kind: 'idle' });
  useEffect(() => setReview(loaded.data), [loaded.data]);
  // The review takes focus when it opens, so a keyboard or screen-reader user lands on it.
  const ready = review !== null;
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready]);
  if (loaded.error) {
    return (
      <div className="error" role="alert">
        <p>{t(m.app.error, { detail: problemText(f, loaded.error) })}</p>
        <button type="button" onClick={onClose}>
          {f.close}
        </button>
      </div>
    );
  }
  if (!review) return <p role="status">{f.loadingReview}</p>;
  const reviewer = review.status === 'open' && review.reviewers.includes(session.user.sub);
  const complete = async () => {
    setCompletion({ kind: 'sending' });
    try {
      setReview(await write<FidelityReview>('POST /team-view/fidelity/reviews/:reviewId/completion', { reviewId }, {}));
      setCompletion({ kind: 'done' });
      onChanged();
    } catch (failure) {
      setCompletion({ kind: 'failed', error: failure as Error });
    }
  };
  const missing = review.missingItems.map((item) => `${item} ${pick(f.items, item)}`).join(', ');
  return (
    <section className="card fidelity-review" aria-labelledby="fidelity-review-title" data-review={review.reviewId}>
      <div className="fidelity-review-head">
        <h3 id="fidelity-review-title" ref={heading} tabIndex={-1}>
          {t(f.reviewTitle, { from: date(review.from), to: date(review.to) })}
        </h3>
        <button type="button" className="secondary" onClick={onClose}>
          {f.close}
        </button>
      </div>
      <p>{t(f.reviewFacts, { team: teamName(review.team), reviewers: review.reviewers.map(nameOf).join(', '), opened: dateTime(review.openedAt) })}</p>
      {review.status === 'completed' && review.total !== null && review.band ? (
        <p className="banner fidelity-complete">
          {t(f.reviewComplete, { date: dateTime(review.completedAt), total: review.total, band: pick(f.bands, review.band) })}
        </p>
      ) : (
        <p>{review.missingItems.length > 0 ? t(f.reviewMissing, { items: missing }) : f.reviewAllScored}</p>
      )}
      {review.status === 'open' && !reviewer && <p className="hint">{f.notReviewer}</p>}
      <ol className="fidelity-review-items">
        {review.items.map((item) => (
          <ReviewItemRow
            key={item.item}
            review={review}
            item={item}
            canScore={reviewer && item.source !== 'events'}
            onScored={(updated) => {
              setReview(updated);
              setCompletion({ kind: 'idle' });
            }}
          />
        ))}
      </ol>
      {review.status === 'open' && (
        <div className="fidelity-completion">
          <p className="hint" id="fidelity-complete-hint">
            {f.completeHint}
          </p>
          <div className="actions">
            <button type="button" aria-describedby="fidelity-complete-hint" disabled={completion.kind === 'sending'} onClick={() => void complete()}>
              {f.complete}
            </button>
            <span role="status" className={completion.kind === 'failed' ? 'status failed' : 'status'}>
              {completion.kind === 'sending'
                ? f.sending
                : completion.kind === 'done'
                  ? f.completedNow
                  : completion.kind === 'failed'
                    ? problemText(f, completion.error)
                    : ''}
            </span>
          </div>
        </div>
      )}
      {review.status === 'completed' && completion.kind === 'done' && (
        <p role="status" className="status">
          {f.completedNow}
        </p>
      )}
    </section>
  );
}

function ReviewItemRow({
  review,
  item,
  canScore,
  onScored,
}: {
  review: FidelityReview;
  item: ReviewItem;
  canScore: boolean;
  onScored: (review: FidelityReview) => void;
}) {
  const { m, t } = useI18n();
  const f = m.fidelity;
  const { nameOf } = useTeams();
  const id = useId();
  const name = pick(f.items, item.item);
  const [score, setScore] = useState(item.source === 'reviewer' && item.score !== null ? String(item.score) : '');
  const [note, setNote] = useState(item.note ?? '');
  const [state, setState] = useState<{ kind: 'idle' | 'sending' | 'saved' } | { kind: 'failed'; error: Error }>({ kind: 'idle' });
  // An item without a score shows its form; a scored one behind "change", so the review stays short.
  const [editing, setEditing] = useState(item.score === null);
  const changeButton = useRef<HTMLButtonElement>(null);
  // Saved: the form closes and the keyboard focus goes to its "change" button, where "saved" is said.
  useEffect(() => {
    if (!editing && state.kind === 'saved') changeButton.current?.focus();
  }, [editing, state.kind]);
  const error = state.kind === 'failed' ? state.error : null;
  const problems = fieldProblems(f, error, ['score', 'note']);
  const scoreError = fieldErrorOf(`${id}-score`, problems['score']);
  const noteError = fieldErrorOf(`${id}-note`, problems['note']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'sending' });
    try {
      const body = { score: score === '' ? null : Number(score), note };
      const updated = await write<FidelityReview>(
        'PUT /team-view/fidelity/reviews/:reviewId/items/:item',
        { reviewId: review.reviewId, item: item.item },
        body,
      );
      setState({ kind: 'saved' });
      setEditing(false);
      onScored(updated);
    } catch (failure) {
      setState({ kind: 'failed', error: failure as Error });
    }
  };
  const status = state.kind === 'sending' ? f.sending : state.kind === 'saved' ? f.saved : error ? formProblem(f, error, Object.keys(problems).length > 0) : '';
  return (
    <li className={`fidelity-review-item${item.score === null ? ' missing' : ''}`} data-item={item.item}>
      <div className="fidelity-review-line">
        <span className="fidelity-item-head" id={`${id}-name`}>
          <span className="fidelity-id">{item.item}</span> {name}
        </span>
        <ScoreBadge score={item.score} />
        {item.source && <span className="tag">{pick(f.sources, item.source)}</span>}
      </div>
      {item.note && !(canScore && editing) && <p className="fidelity-note">{item.note}</p>}
      {item.scoredBy && <p className="hint">{t(f.scoredBy, { who: nameOf(item.scoredBy) })}</p>}
      {item.reason && (
        <p className="hint">
          {f.reason}: <span lang="en">{item.reason}</span>
        </p>
      )}
      {canScore && !editing && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            ref={changeButton}
            aria-label={t(f.changeScoreOf, { item: `${item.item} ${name}` })}
            onClick={() => setEditing(true)}
          >
            {f.changeScore}
          </button>
          <span role="status" className="status">
            {state.kind === 'saved' ? f.saved : ''}
          </span>
        </div>
      )}
      {canScore && editing && (
        <form className="fidelity-score-form" aria-labelledby={`${id}-name`} noValidate onSubmit={(event) => void submit(event)}>
          <fieldset className="field" aria-describedby={scoreError.control['aria-describedby']}>
            <legend>
              {f.score} <span className="hint">({f.required})</span>
            </legend>
            <div className="fidelity-scores">
              {SCORES.map((option) => (
                <label key={option} className="choice">
                  <input
                    type="radio"
                    name={`${id}-score`}
                    value={option}
                    checked={score === option}
                    onChange={() => setScore(option)}
                    aria-invalid={scoreError.control['aria-invalid']}
                  />{' '}
                  {option}
                </label>
              ))}
            </div>
            {scoreError.text}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-note`}>
              {f.note} <span className="hint">({f.required})</span>
            </label>
            <textarea
              id={`${id}-note`}
              rows={2}
              required
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              {...noteError.control}
            />
            {noteError.text}
          </div>
          <SubmitRow label={f.saveScore} sending={state.kind === 'sending'} failed={state.kind === 'failed'} status={status} />
        </form>
      )}
    </li>
  );
}

/** A figure of the programme's answers: a number, or hidden ("<5" under five participants, "suppressed" where a total would give one away). */
type Shown = number | '<5' | 'suppressed';

interface ProgrammeItem {
  readonly item: string;
  readonly name: string;
  readonly score: number | '<5' | null;
}

interface ProgrammeFidelityColumn {
  readonly items: readonly ProgrammeItem[];
  readonly scoredItems: number | 'suppressed';
  readonly computedTotal: number | 'suppressed';
}

/** GET /programme/fidelity: every team's computed items and the total, small cells hidden; no drivers. */
export interface ProgrammeFidelity {
  readonly period: { readonly from: string; readonly to: string };
  readonly teams: readonly (ProgrammeFidelityColumn & { readonly teamId: string; readonly name: string })[];
  readonly total: ProgrammeFidelityColumn & { readonly teams: number };
}

/** The programme's own staff: the items computed from events per team and in total, side by side; never a participant. */
function ProgrammeFidelityScreen() {
  const { m, t, date, number } = useI18n();
  const f = m.fidelity;
  const [query, setQuery] = useState<Query>({ from: '', to: '', team: '' });
  const loaded = useLoad(() => {
    const params = new URLSearchParams();
    if (query.from) params.set('from', query.from);
    if (query.to) params.set('to', query.to);
    const search = params.toString();
    return api<ProgrammeFidelity>(`/programme/fidelity${search ? `?${search}` : ''}`);
  }, [query.from, query.to]);
  const data = loaded.data;
  const problems = fieldProblems(f, loaded.error, ['from', 'to']);
  const shown = (value: Shown | null): string => (value === null ? '–' : value === 'suppressed' ? f.suppressed : value === '<5' ? '<5' : number(value));
  const scoreOf = (column: ProgrammeFidelityColumn, item: string): string => {
    const score = column.items.find((entry) => entry.item === item)?.score ?? null;
    return typeof score === 'number' ? t(f.scoreOf, { score }) : score === null ? f.noScore : shown(score);
  };
  const items = data?.total.items ?? [];
  return (
    <Page title={f.fidelityTitle}>
      <p className="lead">{f.programmeFidelityLead}</p>
      <PeriodForm query={query} shown={data?.period ?? null} onQuery={setQuery} teams={[]} error={loaded.error} />
      {Object.keys(problems).length === 0 && <LoadState loaded={loaded} describe={(error) => problemText(f, error)} />}
      {data && !loaded.error && (
        <section className="card" aria-labelledby="programme-fidelity-title">
          <h2 id="programme-fidelity-title">{t(f.programmeFidelityCaption, { from: date(data.period.from), to: date(data.period.to) })}</h2>
          {data.teams.length === 0 && <p>{f.noTeams}</p>}
          <PerTeamTable
            caption={t(f.programmeFidelityCaption, { from: date(data.period.from), to: date(data.period.to) })}
            corner={f.item}
            totalLabel={f.allTeamsColumn}
            teams={data.teams}
            total={data.total}
            rows={[
              ...items.map((item) => ({
                key: item.item,
                label: (
                  <>
                    <span className="fidelity-id">{item.item}</span> {pick(f.items, item.item)}
                  </>
                ),
                value: (column: ProgrammeFidelityColumn) => scoreOf(column, item.item),
              })),
              { key: 'scored', label: f.scoredItemsRow, value: (column: ProgrammeFidelityColumn) => shown(column.scoredItems) },
              { key: 'total', label: f.computedTotalRow, value: (column: ProgrammeFidelityColumn) => shown(column.computedTotal) },
            ]}
          />
          <p className="hint">{f.suppressionNote}</p>
        </section>
      )}
    </Page>
  );
}
