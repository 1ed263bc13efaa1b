import { useEffect, useId, useState } from 'react';
import { Page } from '../Page';
import { api } from '../api';
import { lineFeed, useReloadOn } from '../feeds';
import { write } from '../routes';
import { problemText } from '../Form';
import { I18n, useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { navigate } from '../router';
import { Session } from '../session';
import { useTeams } from '../teams';
import { NotificationSwitch } from './LineAlerts';

/** Who took or resolved a request (GET /employer/contact-requests, staff view). */
interface HandledBy {
  readonly id: string;
  readonly name: string | null;
  readonly role: string | null;
  readonly at: string;
}

export interface StaffRequest {
  readonly requestId: string;
  readonly participantId: string;
  readonly employerId: string;
  readonly employerName?: string | null;
  readonly status: 'received' | 'escalated' | 'acknowledged' | 'resolved';
  readonly urgency: string;
  readonly message: string;
  readonly callbackPhone: string;
  readonly receivedAt: string;
  readonly tier: string;
  readonly assigneeId: string | null;
  readonly specialistId?: string | null;
  /** The first deadline: not answered in time from then until someone takes it. */
  readonly answerBy?: string;
  /** The current tier's deadline: when it escalates next. */
  readonly acknowledgeBy: string;
  readonly escalations: number;
  /** Not answered in time at the instant of the read. */
  readonly overdue?: boolean;
  readonly takenBy?: HandledBy | null;
  readonly resolvedBy?: HandledBy | null;
}

/** The instant now, again every `ms`: a countdown's clock. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** A span of time as "12:05" (minutes and seconds), or "1 h 05 min" past an hour. */
export function span(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

const waiting = (request: StaffRequest) => request.status === 'received' || request.status === 'escalated';

/** Who handled a request, as a person reads it: the display name, else the role. */
export const handler = ({ label }: I18n, nameOf: (sub: string) => string, by: HandledBy): string =>
  by.name ?? (nameOf(by.id) !== by.id ? nameOf(by.id) : by.role ? label('roles', by.role) : by.id);

/**
 * The 24/7 line for staff: the open requests of the reader's teams, live (the line's stream), with who holds each, the
 * time left before it escalates, and take and resolve in one click each. Overdue and escalated requests stand out.
 */
export function ContactLine({ session }: { session: Session }) {
  const { m } = useI18n();
  const open = useLoad(async () => (await api<{ requests: StaffRequest[] }>('/employer/contact-requests?status=open&limit=200')).requests, []);
  const resolved = useLoad(async () => (await api<{ requests: StaffRequest[] }>('/employer/contact-requests?status=resolved&limit=5')).requests, []);
  const [live, setLive] = useState(false);
  useEffect(
    () =>
      lineFeed.listen(
        () => undefined,
        () => setLive(true),
      ),
    [],
  );
  useReloadOn(lineFeed, () => Promise.all([open.reload(), resolved.reload()]));
  const now = useNow();
  return (
    <Page title={m.line.title}>
      <p className="lead">{m.line.intro}</p>
      <p className={`live ${live ? 'open' : 'closed'}`}>{live ? m.line.live : m.line.offline}</p>
      <NotificationSwitch />
      <section aria-labelledby="line-open-heading">
        <h2 id="line-open-heading">{m.line.open}</h2>
        <LoadState loaded={open} />
        {open.data && open.data.length === 0 && <p>{m.line.none}</p>}
        {open.data && open.data.length > 0 && (
          <ol className="requests" data-testid="line-queue">
            {open.data.map((request) => (
              <RequestCard
                key={request.requestId}
                request={request}
                me={session.user.sub}
                now={now}
                onChanged={() => void Promise.all([open.reload(), resolved.reload()])}
              />
            ))}
          </ol>
        )}
      </section>
      {resolved.data && resolved.data.length > 0 && (
        <section aria-labelledby="line-resolved-heading">
          <h2 id="line-resolved-heading">{m.line.recentlyResolved}</h2>
          <ol className="requests resolved">
            {resolved.data.map((request) => (
              <RequestCard key={request.requestId} request={request} me={session.user.sub} now={now} onChanged={() => undefined} />
            ))}
          </ol>
        </section>
      )}
    </Page>
  );
}

function RequestCard({ request, me, now, onChanged }: { request: StaffRequest; me: string; now: number; onChanged: () => void }) {
  const i18n = useI18n();
  const { m, t, label, time } = i18n;
  const { nameOf } = useTeams();
  const id = useId();
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const answerBy = Date.parse(request.answerBy ?? request.acknowledgeBy);
  // The API's word at the read, or the clock since: nobody has taken it, and its first deadline has passed.
  const overdue = waiting(request) && (request.overdue === true || now >= answerBy);
  const left = Date.parse(request.acknowledgeBy) - now;
  const tier = (m.line.tiers as Record<string, string>)[request.tier] ?? request.tier;
  const holder = request.assigneeId ? `${nameOf(request.assigneeId)} (${tier})` : t(m.line.holderNobody, { tier });
  const send = async (path: 'POST /employer/contact-requests/:requestId/acknowledge' | 'POST /employer/contact-requests/:requestId/resolve', body: unknown) => {
    setBusy(true);
    setError('');
    try {
      await write(path, { requestId: request.requestId }, body);
      setResolving(false);
      setNote('');
      onChanged();
    } catch (failure) {
      setError(t(m.line.failed, { detail: problemText(i18n, failure as Error) }));
    } finally {
      setBusy(false);
    }
  };
  const employer = request.employerName ?? m.line.anEmployer;
  return (
    <li
      className={`request urgency-${request.urgency} status-${request.status}${overdue ? ' overdue' : ''}`}
      aria-labelledby={`${id}-title`}
      data-request-id={request.requestId}
    >
      <h3 id={`${id}-title`}>
        <span className={`badge urgency-${request.urgency}`}>{request.urgency === 'urgent' ? m.line.urgent : m.line.routine}</span> {employer}{' '}
        <span className={`badge status-${request.status}`}>{label('requestStatus', request.status)}</span>
        {request.assigneeId === me && <span className="badge mine">{m.line.assignedToYou}</span>}
        {request.specialistId === me && <span className="badge mine">{m.line.yourParticipant}</span>}
      </h3>
      <p className="message">{request.message}</p>
      <p>
        <a href={`tel:${request.callbackPhone}`}>{t(m.line.callBack, { phone: request.callbackPhone })}</a>
        {' · '}
        <a
          href={`/participants/${request.participantId}`}
          onClick={(event) => {
            event.preventDefault();
            navigate(`/participants/${request.participantId}`);
          }}
        >
          {m.line.participantLink}
        </a>
      </p>
      <p className="meta">
        {t(m.line.received, { time: time(request.receivedAt) })}
        {waiting(request) && ` · ${t(m.line.holder, { who: holder })}`}
        {request.escalations > 0 && ` · ${t(m.line.escalated, { count: request.escalations })}`}
      </p>
      {waiting(request) && (
        <p className={overdue ? 'countdown overdue' : 'countdown'} data-testid="countdown">
          {overdue ? <strong>{t(m.line.overdue, { time: span(now - answerBy) })}</strong> : null}
          {overdue ? ' · ' : ''}
          {left > 0 ? t(m.line.timeLeft, { time: span(left) }) : m.line.escalatesNow}
        </p>
      )}
      {request.takenBy && <p className="meta">{t(m.line.takenBy, { who: handler(i18n, nameOf, request.takenBy), time: time(request.takenBy.at) })}</p>}
      {request.resolvedBy && (
        <p className="meta">{t(m.line.resolvedBy, { who: handler(i18n, nameOf, request.resolvedBy), time: time(request.resolvedBy.at) })}</p>
      )}
      {request.status !== 'resolved' && (
        <div className="actions">
          {waiting(request) && (
            <button type="button" disabled={busy} onClick={() => void send('POST /employer/contact-requests/:requestId/acknowledge', {})}>
              {m.line.take}
            </button>
          )}
          {!resolving ? (
            <button type="button" className="secondary" disabled={busy} onClick={() => setResolving(true)}>
              {m.line.resolve}
            </button>
          ) : (
            <form
              className="resolve"
              onSubmit={(event) => {
                event.preventDefault();
                void send('POST /employer/contact-requests/:requestId/resolve', { note });
              }}
            >
              <label htmlFor={`${id}-note`}>{m.line.resolveNote}</label>
              <textarea id={`${id}-note`} rows={2} value={note} onChange={(event) => setNote(event.target.value)} autoFocus />
              <button type="submit" disabled={busy}>
                {m.line.resolveSubmit}
              </button>
              <button type="button" className="secondary" onClick={() => setResolving(false)}>
                {m.line.cancel}
              </button>
            </form>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
