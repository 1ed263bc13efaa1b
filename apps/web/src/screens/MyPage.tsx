import { useCallback } from 'react';
import { Page } from '../App';
import { api } from '../api';
import { useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { Session } from '../session';
import { Entry, Timeline } from './Timeline';

interface AccessEntry {
  readonly at: string;
  readonly who: { sub: string; agency: string; role: string };
  readonly action: string;
  readonly outcome: string;
}

/** The participant's own page: everything recorded about them, and who has looked at it (Normen). */
export function MyPage({ session }: { session: Session }) {
  const { m, label, dateTime } = useI18n();
  const participantId = session.user.participantId as string;
  const timeline = useLoad(async () => (await api<{ entries: Entry[] }>(`/team-view/participants/${participantId}/timeline`)).entries, [participantId]);
  const log = useLoad(async () => (await api<{ entries: AccessEntry[] }>(`/team-view/participants/${participantId}/access-log`)).entries, [participantId]);
  const reloadLog = log.reload;
  const onEntry = useCallback(() => void reloadLog(), [reloadLog]);
  const action = (value: string) => (value.startsWith('wrote ') ? label('events', value.slice(6)) : label('auditActions', value));
  // Newest first, the participant's own reads included.
  const entries = (log.data ?? []).slice().reverse();

  return (
    <Page title={m.myPage.title}>
      <p className="lead">{m.myPage.intro}</p>
      <LoadState loaded={timeline} />
      {timeline.data && <Timeline participantId={participantId} initial={timeline.data} onEntry={onEntry} heading={m.myPage.timeline} />}
      <section aria-labelledby="access-heading" className="card">
        <h2 id="access-heading">{m.myPage.accessLog}</h2>
        <LoadState loaded={log} />
        {log.data && entries.length === 0 && <p>{m.myPage.noAccess}</p>}
        {entries.length > 0 && (
          <table className="list" data-testid="access-log">
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
                  <td>
                    {entry.who.sub} ({label('roles', entry.who.role)}, {label('agencies', entry.who.agency)})
                  </td>
                  <td>{action(entry.action)}</td>
                  <td>{label('auditOutcomes', entry.outcome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}
