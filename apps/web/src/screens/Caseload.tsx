import { useEffect, useState } from 'react';
import { Page } from '../App';
import { api } from '../api';
import { Form, bodyOf, post } from '../Form';
import { useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { navigate } from '../router';
import { Session } from '../session';
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
  readonly alerts: readonly Alert[];
}

export function Caseload({ session }: { session: Session }) {
  const { m, t, label, date } = useI18n();
  const [scope, setScope] = useState<'mine' | 'all'>(session.user.role === 'supervisor' || session.user.role === 'caseworker' ? 'all' : 'mine');
  const list = useLoad(() => api<{ participants: Listed[] }>(`/team-view/participants?scope=${scope}`), [scope]);
  // A caseload changes while it is open: refreshed when the tab is looked at again, and on demand.
  useEffect(() => {
    const refresh = () => document.visibilityState === 'visible' && void list.reload();
    document.addEventListener('visibilitychange', refresh);
    return () => document.removeEventListener('visibilitychange', refresh);
  }, [list]);
  const participants = list.data?.participants ?? [];
  const canRefer = session.user.agency === 'welfare-office';
  // Once teams are defined a referral names one: the reader's own teams (none yet: the platform's default team).
  const teams = useLoad(
    () => (canRefer ? api<{ teams: { teamId: string; name: string }[] }>('/programme/teams') : Promise.resolve({ teams: [] })),
    [canRefer],
  );
  const referral = withTeamField(referralForm, teams.data?.teams ?? []);

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
        <button type="button" className="secondary" onClick={() => void list.reload()}>
          {m.caseload.refresh}
        </button>
      </div>
      <LoadState loaded={list} />
      {list.data && (
        <>
          <p role="status">{t(m.caseload.count, { count: participants.length })}</p>
          {participants.length === 0 ? (
            <p>{m.caseload.none}</p>
          ) : (
            <table className="list">
              <caption className="visually-hidden">{m.caseload[scope]}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.caseload.name}</th>
                  <th scope="col">{m.caseload.phase}</th>
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
                    <td>{date(participant.enrolledAt)}</td>
                    <td>{participant.relapseRisk ? <span className={`badge level-${participant.relapseRisk.level}`}>{label('levels', participant.relapseRisk.level)}</span> : '–'}</td>
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
      {canRefer && (
        <div className="forms">
          <Form
            spec={{
              ...referral,
              send: async (values) => {
                const { participantId } = (await post('/welfare-office/referrals', bodyOf(referral.fields, values))) as { participantId: string };
                navigate(`/participants/${participantId}`);
              },
            }}
          />
        </div>
      )}
    </Page>
  );
}
