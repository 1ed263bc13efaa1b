import { FormEvent, useEffect, useId, useState } from 'react';
import { Page } from '../Page';
import { ApiError, api } from '../api';
import { AskFirst, Form, bodyOf } from '../Form';
import { write } from '../routes';
import { useI18n } from '../i18n';
import { changesFeed, useReloadOn } from '../feeds';
import { LoadState, useLoad } from '../load';
import { navigate } from '../router';
import { Session } from '../session';
import { useTeams } from '../teams';
import { referralForm, withTeamField } from './forms';

export interface Alert {
  readonly code: string;
  readonly since: string;
  readonly message: string;
}

interface Listed {
  readonly participantId: string;
  readonly name: { givenName: string; familyName: string } | null;
  readonly phase: string;
  readonly enrolledAt: string | null;
  readonly relapseRisk: { level: string; reviewBy: string } | null;
  readonly contacts?: { 'welfare-office'?: { employmentSpecialistId: string; contactPersonId: string } };
  readonly alerts: readonly Alert[];
}

/**
 * The team view learns a new participant's team from the bus a moment after the referral is answered; until then it
 * answers 404 as for anyone not on the team. Waits (at most a few seconds) so the page opens on the new participant.
 */
async function untilVisible(participantId: string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      await api(`/team-view/participants/${participantId}`);
      return;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404) || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

const PARTICIPANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Opens a participant by id (the 24/7 line or a colleague gives one): someone not on the reader's caseload, whose
 * page offers emergency access when the reader has no relation to them (decision 30).
 */
function OpenById() {
  const { m } = useI18n();
  const id = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const participantId = value.trim();
    if (!PARTICIPANT_ID.test(participantId)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    navigate(`/participants/${participantId.toLowerCase()}`);
  };
  return (
    <form className="open-by-id" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-participant`}>{m.caseload.openById}</label>
        <input
          id={`${id}-participant`}
          value={value}
          size={38}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        {invalid && (
          <p className="field-error" id={`${id}-error`}>
            {m.caseload.badId}
          </p>
        )}
      </div>
      <button type="submit" className="secondary">
        {m.caseload.open}
      </button>
    </form>
  );
}

export function Caseload({ session }: { session: Session }) {
  const { m, t, label, date } = useI18n();
  const [scope, setScope] = useState<'mine' | 'all'>(session.user.role === 'supervisor' || session.user.role === 'caseworker' ? 'all' : 'mine');
  const { teams, ready: teamsRead, nameOf } = useTeams();
  // A reader on several teams may narrow the list to one of them; all of them until they do.
  const [team, setTeam] = useState('');
  const list = useLoad(
    // The largest page the API gives (500): a team's whole list in practice; beyond it the status says how many there are.
    () => api<{ participants: Listed[]; total?: number }>(`/team-view/participants?scope=${scope}&limit=500${team ? `&team=${encodeURIComponent(team)}` : ''}`),
    [scope, team],
  );
  // A caseload changes while it is open: read again when one of the reader's participants changes (the team view's
  // changes stream), when the tab is looked at again, and on demand.
  useReloadOn(changesFeed, list.reload);
  useEffect(() => {
    const refresh = () => document.visibilityState === 'visible' && void list.reload();
    document.addEventListener('visibilitychange', refresh);
    return () => document.removeEventListener('visibilitychange', refresh);
  }, [list]);
  const participants = list.data?.participants ?? [];
  const canRefer = session.user.agency === 'welfare-office';
  // Once teams are defined a referral names one: the reader's own teams (none yet: the platform's default team). The form
  // waits for the team list: shown before it, its fields would change under a fast typist and what they typed be lost.
  const referral = withTeamField(referralForm, teams);

  return (
    <Page title={m.caseload.title}>
      <div className="toolbar">
        <fieldset className="segmented">
          <legend>{m.caseload.scope}</legend>
          {(['mine', 'all'] as const).map((option) => (
            <label key={option}>
              <input type="radio" name="scope" value={option} checked={scope === option} onChange={() => setScope(option)} /> {m.caseload[option]}
            </label>
          ))}
        </fieldset>
        {teams.length > 1 && (
          <label className="field">
            {m.caseload.team}
            <select value={team} onChange={(event) => setTeam(event.target.value)}>
              <option value="">{m.caseload.allTeams}</option>
              {teams.map((option) => (
                <option key={option.teamId} value={option.teamId}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="secondary" onClick={() => void list.reload()}>
          {m.caseload.refresh}
        </button>
        <OpenById />
      </div>
      <LoadState loaded={list} />
      {list.data && (
        <>
          <p role="status">
            {(list.data.total ?? participants.length) > participants.length
              ? t(m.caseload.countOfTotal, { count: participants.length, total: list.data.total ?? participants.length })
              : t(m.caseload.count, { count: participants.length })}
          </p>
          {participants.length === 0 ? (
            <p>{m.caseload.none}</p>
          ) : (
            <table className="list" tabIndex={0}>
              <caption className="visually-hidden">{m.caseload[scope]}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.caseload.name}</th>
                  <th scope="col">{m.caseload.phase}</th>
                  <th scope="col">{m.caseload.specialist}</th>
                  <th scope="col">{m.caseload.enrolled}</th>
                  <th scope="col">{m.caseload.relapse}</th>
                  <th scope="col">{m.caseload.alerts}</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((participant) => (
                  <tr key={participant.participantId}>
                    <th scope="row">
                      <a
                        href={`/participants/${participant.participantId}`}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate(`/participants/${participant.participantId}`);
                        }}
                      >
                        {participant.name ? `${participant.name.givenName} ${participant.name.familyName}` : m.caseload.noName}
                      </a>
                    </th>
                    <td>{label('phases', participant.phase)}</td>
                    <td>{participant.contacts?.['welfare-office'] ? nameOf(participant.contacts['welfare-office'].employmentSpecialistId) : '–'}</td>
                    <td>{date(participant.enrolledAt)}</td>
                    <td>
                      {participant.relapseRisk ? (
                        <span className={`badge level-${participant.relapseRisk.level}`}>{label('levels', participant.relapseRisk.level)}</span>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>
                      {participant.alerts.length > 0 ? (
                        <ul className="alerts">
                          {participant.alerts.map((alert) => (
                            <li key={`${alert.code}-${alert.since}`}>{label('alerts', alert.code)}</li>
                          ))}
                        </ul>
                      ) : (
                        '–'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {canRefer && teamsRead && (
        <div className="forms">
          <Form
            key={referral.fields.length}
            spec={{
              ...referral,
              send: async (values) => {
                const body = bodyOf(referral.fields, values);
                const refer = async (confirmNotDuplicate?: true) => {
                  const { participantId } = await write<{ participantId: string }>(
                    'POST /welfare-office/referrals',
                    {},
                    { ...body, ...(confirmNotDuplicate ? { confirmNotDuplicate } : {}) },
                  );
                  await untilVisible(participantId);
                  navigate(`/participants/${participantId}`);
                };
                try {
                  await refer();
                } catch (error) {
                  // Someone of that name and birth date is referred to the reader's team already: look first, then decide.
                  if (!(error instanceof ApiError && error.code === 'REFERRAL.POSSIBLE_DUPLICATE')) throw error;
                  const duplicates = Array.isArray(error.body['duplicates']) ? (error.body['duplicates'] as { participantId: string }[]) : [];
                  const links = duplicates.map(({ participantId }, index) => ({
                    href: `/participants/${participantId}`,
                    text: t(m.caseload.duplicateLink, { n: index + 1 }),
                  }));
                  throw new AskFirst(
                    t(m.caseload.duplicateQuestion, {
                      name: `${String(body['givenName'] ?? '')} ${String(body['familyName'] ?? '')}`,
                      date: date(String(body['birthDate'] ?? '')),
                    }),
                    () => refer(true),
                    links,
                  );
                }
              },
            }}
          />
        </div>
      )}
    </Page>
  );
}
