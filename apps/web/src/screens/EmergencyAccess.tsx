import { useState } from 'react';
import { Page } from '../Page';
import { api } from '../api';
import { Form, FormSpec } from '../Form';
import { write } from '../routes';
import { useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { navigate } from '../router';
import { Session, SessionUser } from '../session';
import { useTeams } from '../teams';

/** The reason codes a supervisor counts (decision 30), in the API's order. */
export const EMERGENCY_REASON_CODES = ['urgent-care', 'covering-colleague', 'contact-line', 'other'] as const;

/** A grant as GET /team-view/emergency-access lists it: to its holder, and to the supervisors of the participant's team. */
export interface EmergencyGrant {
  readonly grantId: string;
  readonly participantId: string;
  readonly teamId: string | null;
  readonly holder: { readonly sub: string; readonly agency: string; readonly role: string; readonly displayName: string | null };
  readonly reasonCode: string;
  readonly reason: string;
  readonly grantedAt: string;
  readonly until: string;
  readonly endedAt: string | null;
  readonly status: 'in-force' | 'ended' | 'expired';
  readonly review: { readonly by: { readonly sub: string; readonly agency: string; readonly role: string }; readonly note: string; readonly at: string } | null;
}

/** The reader's own emergency access to one participant, as this tab opened it (or found it on the list). */
export interface HeldGrant {
  readonly grantId: string;
  readonly participantId: string;
  readonly until: string;
}

// The grants this tab opened, per person: the participant page shows its banner from them (sessionStorage: this tab only).
const KEY = 'ips.emergency-access';
const keyOf = (user: SessionUser) => `${user.agency}/${user.sub}`;
type Stored = Record<string, Record<string, HeldGrant>>;
const readStored = (): Stored => {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Stored;
  } catch {
    return {};
  }
};

export function storedGrant(user: SessionUser, participantId: string): HeldGrant | null {
  return readStored()[keyOf(user)]?.[participantId] ?? null;
}

export function storeGrant(user: SessionUser, participantId: string, grant: HeldGrant | null): void {
  const stored = readStored();
  const own = { ...(stored[keyOf(user)] ?? {}) };
  if (grant) own[participantId] = grant;
  else delete own[participantId];
  stored[keyOf(user)] = own;
  sessionStorage.setItem(KEY, JSON.stringify(stored));
}

export const isOwn = (grant: EmergencyGrant, user: SessionUser): boolean => grant.holder.sub === user.sub && grant.holder.agency === user.agency;

/** Ends the reader's grant; one that ended or expired meanwhile (409) or is gone (404) is over all the same. */
export async function endGrant(grantId: string): Promise<void> {
  try {
    await write('POST /team-view/emergency-access/:grantId/end', { grantId }, {});
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== 409 && status !== 404) throw error;
  }
}

type Filter = 'false' | 'true' | '';

/**
 * The emergency accesses (decision 30): for a supervisor, those to the participants of the teams they supervise, to
 * review with a note (those still to review first); for everyone, the ones they asked for themselves.
 */
export function EmergencyAccessList({ session }: { session: Session }) {
  const { m, t, label, dateTime } = useI18n();
  const { nameOf, teams } = useTeams();
  const supervisor = session.user.role === 'supervisor';
  const [filter, setFilter] = useState<Filter>(supervisor ? 'false' : '');
  const list = useLoad(
    async () => (await api<{ grants: EmergencyGrant[] }>(`/team-view/emergency-access${filter ? `?reviewed=${filter}` : ''}`)).grants,
    [filter],
  );
  // A review answers with the grant: its row shows it at once, although it no longer matches "to review".
  const [changed, setChanged] = useState<Record<string, EmergencyGrant>>({});
  const [endFailed, setEndFailed] = useState('');
  const grants = (list.data ?? []).map((grant) => changed[grant.grantId] ?? grant);
  const person = (who: { sub: string; agency: string; role: string; displayName?: string | null }) =>
    `${who.displayName ?? nameOf(who.sub)} (${label('roles', who.role)}, ${label('agencies', who.agency)})`;
  const filters: [Filter, string][] = [
    ['false', m.emergency.toReview],
    ['true', m.emergency.reviewed],
    ['', m.emergency.all],
  ];

  const reviewForm = (grant: EmergencyGrant): FormSpec => ({
    id: `review-${grant.grantId}`,
    title: 'reviewEmergency',
    fields: [{ name: 'note', label: 'reviewNote', kind: 'textarea', required: true }],
    submitLabel: m.emergency.markReviewed,
    send: async (values) => {
      const reviewed = await write<EmergencyGrant>(
        'POST /team-view/emergency-access/:grantId/review',
        { grantId: grant.grantId },
        { note: String(values['note'] ?? '') },
      );
      setChanged((current) => ({ ...current, [grant.grantId]: reviewed }));
      return reviewed;
    },
  });
  const end = async (grant: EmergencyGrant) => {
    setEndFailed('');
    try {
      await endGrant(grant.grantId);
      storeGrant(session.user, grant.participantId, null);
      await list.reload();
    } catch (error) {
      setEndFailed(t(m.emergency.endFailed, { detail: (error as Error).message }));
    }
  };

  return (
    <Page title={m.emergency.title}>
      <p className="lead">{supervisor ? m.emergency.introSupervisor : m.emergency.introStaff}</p>
      <div className="toolbar">
        <fieldset className="segmented">
          <legend>{m.emergency.show}</legend>
          {filters.map(([value, text]) => (
            <label key={value || 'all'}>
              <input type="radio" name="reviewed" value={value} checked={filter === value} onChange={() => setFilter(value)} /> {text}
            </label>
          ))}
        </fieldset>
      </div>
      <LoadState loaded={list} />
      {endFailed && (
        <p className="error" role="alert">
          {endFailed}
        </p>
      )}
      {list.data && (
        <>
          <p role="status">{t(m.emergency.count, { count: grants.length })}</p>
          {grants.length === 0 && <p>{m.emergency.none}</p>}
          {grants.map((grant) => {
            const headingId = `grant-${grant.grantId}`;
            const team = teams.find((known) => known.teamId === grant.teamId);
            return (
              <article key={grant.grantId} className="card grant" aria-labelledby={headingId} data-testid="emergency-grant">
                <h2 id={headingId}>{person(grant.holder)}</h2>
                <dl className="facts">
                  <dt>{m.emergency.participant}</dt>
                  <dd>
                    <a
                      href={`/participants/${grant.participantId}`}
                      className="id"
                      onClick={(event) => {
                        event.preventDefault();
                        navigate(`/participants/${grant.participantId}`);
                      }}
                    >
                      {grant.participantId}
                    </a>
                  </dd>
                  {team && (
                    <>
                      <dt>{m.emergency.team}</dt>
                      <dd>{team.name}</dd>
                    </>
                  )}
                  <dt>{m.emergency.reasonCode}</dt>
                  <dd>{label('emergencyReasons', grant.reasonCode)}</dd>
                  <dt>{m.emergency.reason}</dt>
                  <dd className="reason">{grant.reason}</dd>
                  <dt>{m.emergency.period}</dt>
                  <dd>
                    {dateTime(grant.grantedAt)} – {dateTime(grant.endedAt ?? grant.until)}
                  </dd>
                  <dt>{m.emergency.status}</dt>
                  <dd>
                    <span className={`badge grant-${grant.status}`}>{label('emergencyStatuses', grant.status)}</span>
                  </dd>
                  <dt>{m.emergency.review}</dt>
                  <dd>
                    {grant.review ? (
                      <>
                        {t(m.emergency.reviewedBy, {
                          who: person({ ...grant.review.by, displayName: nameOf(grant.review.by.sub) }),
                          date: dateTime(grant.review.at),
                        })}
                        {grant.review.note && <> — {grant.review.note}</>}
                      </>
                    ) : (
                      m.emergency.notReviewed
                    )}
                  </dd>
                </dl>
                {isOwn(grant, session.user) && grant.status === 'in-force' && (
                  <button type="button" className="secondary" onClick={() => void end(grant)}>
                    {m.emergency.end}
                  </button>
                )}
                {supervisor && !grant.review && !isOwn(grant, session.user) && <Form spec={reviewForm(grant)} level={3} />}
              </article>
            );
          })}
        </>
      )}
    </Page>
  );
}
