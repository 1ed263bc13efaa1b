import { useState } from 'react';
import { Page } from '../Page';
import { api } from '../api';
import { useI18n } from '../i18n';
import { changesFeed, useReloadOn } from '../feeds';
import { LoadState, useLoad } from '../load';
import { navigate } from '../router';
import { useTeams } from '../teams';
import { Alert } from './Caseload';

interface BoardAnswer {
  readonly date: string;
  /** The team the board is of (null while no team is defined), and the reader's teams to choose from. */
  readonly team?: { teamId: string; name: string } | null;
  readonly teams?: readonly { teamId: string; name: string }[];
  readonly specialists: readonly {
    employmentSpecialistId: string;
    displayName?: string;
    caseload: number;
    alerts: number;
    openContactRequests: number;
    overdueAcknowledgements: number;
    participants: readonly { participantId: string; name: { givenName: string; familyName: string } | null; phase: string; alerts: readonly Alert[] }[];
  }[];
}

export function Board() {
  const { m, t, label, date } = useI18n();
  const { nameOf } = useTeams();
  // A reader on several teams picks one; the first by name until they do.
  const [team, setTeam] = useState<string | null>(null);
  const board = useLoad(() => api<BoardAnswer>(team ? `/team-view/board?team=${encodeURIComponent(team)}` : '/team-view/board'), [team]);
  // Live: read again when one of the reader's participants changes.
  useReloadOn(changesFeed, board.reload);
  const teams = board.data?.teams ?? [];
  return (
    <Page title={m.board.title}>
      <LoadState loaded={board} />
      {board.data && (
        <>
          {teams.length > 1 && (
            <p>
              <label>
                {m.board.team}{' '}
                <select value={board.data.team?.teamId ?? ''} onChange={(event) => setTeam(event.target.value)}>
                  {teams.map((option) => (
                    <option key={option.teamId} value={option.teamId}>
                      {option.name}
                    </option>
                  ))}
                </select>
              </label>
            </p>
          )}
          {teams.length === 1 && board.data.team && <p>{board.data.team.name}</p>}
          <p>{t(m.board.date, { date: date(board.data.date) })}</p>
          {board.data.specialists.length === 0 ? (
            <p>{m.board.none}</p>
          ) : (
            <>
              <table className="list" tabIndex={0}>
                <thead>
                  <tr>
                    <th scope="col">{m.board.specialist}</th>
                    <th scope="col">{m.board.caseload}</th>
                    <th scope="col">{m.board.alerts}</th>
                    <th scope="col">{m.board.openRequests}</th>
                    <th scope="col">{m.board.overdue}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.data.specialists.map((row) => (
                    <tr key={row.employmentSpecialistId}>
                      <th scope="row">{row.displayName ?? nameOf(row.employmentSpecialistId)}</th>
                      <td>{row.caseload}</td>
                      <td>{row.alerts}</td>
                      <td>{row.openContactRequests}</td>
                      <td className={row.overdueAcknowledgements > 0 ? 'warn' : undefined}>{row.overdueAcknowledgements}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="board-columns">
                {board.data.specialists.map((row) => (
                  <section key={row.employmentSpecialistId} className="card" aria-labelledby={`board-${row.employmentSpecialistId}`}>
                    <h2 id={`board-${row.employmentSpecialistId}`}>
                      {t(m.board.participants, { who: row.displayName ?? nameOf(row.employmentSpecialistId) })}
                    </h2>
                    <ul className="board-list">
                      {row.participants.map((participant) => (
                        <li key={participant.participantId}>
                          <a
                            href={`/participants/${participant.participantId}`}
                            onClick={(event) => {
                              event.preventDefault();
                              navigate(`/participants/${participant.participantId}`);
                            }}
                          >
                            {participant.name ? `${participant.name.givenName} ${participant.name.familyName}` : m.caseload.noName}
                          </a>{' '}
                          <span className="tag">{label('phases', participant.phase)}</span>
                          {participant.alerts.length > 0 && (
                            <ul className="alerts">
                              {participant.alerts.map((alert) => (
                                <li key={`${alert.code}-${alert.since}`}>{label('alerts', alert.code)}</li>
                              ))}
                            </ul>
                          )}
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
              </div>
            </>
          )}
        </>
      )}
    </Page>
  );
}
