import { api } from '../api';
import { useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { useTeams } from '../teams';

interface AccessEntry {
  readonly at: string;
  /** `displayName` when the API knows it; else the reader's teams may (GET /programme/teams), else the login id. */
  readonly who: { sub: string; agency: string; role: string; displayName?: string };
  readonly action: string;
  readonly outcome: string;
  /** The emergency access a read was made through, or a grant's own line. */
  readonly emergencyAccess?: string;
}

type Who = AccessEntry['who'];

/** Someone outside the participant's team who opened the record in an emergency (decision 30). */
interface EmergencyAccess {
  readonly grantId: string;
  readonly holder: Who;
  readonly reasonCode: string;
  readonly reason: string;
  readonly grantedAt: string;
  readonly until: string;
  readonly endedAt: string | null;
  readonly status: string;
  readonly reviewed: { readonly at: string; readonly by: Who; readonly note?: string } | null;
}

/** Who read or wrote the participant's data, newest first: on the participant's own page, and for supervisors. */
export function AccessLog({ participantId, heading, reloadOn }: { participantId: string; heading: string; reloadOn?: unknown }) {
  const { m, t, label, dateTime } = useI18n();
  const { nameOf } = useTeams();
  const log = useLoad(
    async () => api<{ entries: AccessEntry[]; emergencyAccess?: EmergencyAccess[] }>(`/team-view/participants/${participantId}/access-log`),
    [participantId, reloadOn],
  );
  const action = (value: string) => (value.startsWith('wrote ') ? label('events', value.slice(6)) : label('auditActions', value));
  const person = (who: Who) => `${who.displayName ?? nameOf(who.sub)} (${label('roles', who.role)}, ${label('agencies', who.agency)})`;
  // Newest first, the reader's own reads included.
  const entries = (log.data?.entries ?? []).slice().reverse();
  const emergencies = (log.data?.emergencyAccess ?? []).slice().reverse();
  return (
    <section aria-labelledby="access-heading" className="card">
      <h2 id="access-heading">{heading}</h2>
      <LoadState loaded={log} />
      {emergencies.length > 0 && (
        <div className="emergency-access" role="note" data-testid="emergency-access">
          <h3>{m.myPage.emergencyTitle}</h3>
          <p>{m.myPage.emergencyIntro}</p>
          <table className="list" tabIndex={0}>
            <thead>
              <tr>
                <th scope="col">{m.myPage.when}</th>
                <th scope="col">{m.myPage.who}</th>
                <th scope="col">{m.myPage.emergencyWhy}</th>
                <th scope="col">{m.myPage.emergencyUntil}</th>
                <th scope="col">{m.myPage.emergencyStatus}</th>
              </tr>
            </thead>
            <tbody>
              {emergencies.map((grant) => (
                <tr key={grant.grantId}>
                  <td>{dateTime(grant.grantedAt)}</td>
                  <td>{person(grant.holder)}</td>
                  <td>
                    <strong>{label('emergencyReasons', grant.reasonCode)}</strong>: {grant.reason}
                  </td>
                  <td>{dateTime(grant.endedAt ?? grant.until)}</td>
                  <td>
                    {label('emergencyStatuses', grant.status)}.{' '}
                    {grant.reviewed
                      ? t(m.myPage.emergencyReviewed, { who: person(grant.reviewed.by), date: dateTime(grant.reviewed.at) })
                      : m.myPage.emergencyNotReviewed}
                    {grant.reviewed?.note && <> — {grant.reviewed.note}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.data && entries.length === 0 && <p>{m.myPage.noAccess}</p>}
      {entries.length > 0 && (
        <table className="list" data-testid="access-log" tabIndex={0}>
          <thead>
            <tr>
              <th scope="col">{m.myPage.when}</th>
              <th scope="col">{m.myPage.who}</th>
              <th scope="col">{m.myPage.what}</th>
              <th scope="col">{m.myPage.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td>{dateTime(entry.at)}</td>
                <td>{person(entry.who)}</td>
                <td>
                  {action(entry.action)}
                  {entry.emergencyAccess && !entry.action.startsWith('emergency-access') && m.myPage.emergencyThrough}
                </td>
                <td>{label('auditOutcomes', entry.outcome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
