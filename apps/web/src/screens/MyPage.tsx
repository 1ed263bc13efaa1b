import { useCallback, useState } from 'react';
import { Page } from '../Page';
import { api } from '../api';
import { useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { Session } from '../session';
import { AccessLog } from './AccessLog';
import { Entry, Timeline } from './Timeline';

/** The participant's own page: everything recorded about them, and who has looked at it (Normen). */
export function MyPage({ session }: { session: Session }) {
  const { m } = useI18n();
  const participantId = session.user.participantId as string;
  const timeline = useLoad(async () => (await api<{ entries: Entry[] }>(`/team-view/participants/${participantId}/timeline`)).entries, [participantId]);
  // A new entry on the timeline is also a new line in the log: read it again.
  const [entriesSeen, setEntriesSeen] = useState(0);
  const onEntry = useCallback(() => setEntriesSeen((count) => count + 1), []);

  return (
    <Page title={m.myPage.title}>
      <p className="lead">{m.myPage.intro}</p>
      <LoadState loaded={timeline} />
      {timeline.data && <Timeline participantId={participantId} initial={timeline.data} onEntry={onEntry} heading={m.myPage.timeline} />}
      <AccessLog participantId={participantId} heading={m.myPage.accessLog} reloadOn={entriesSeen} />
    </Page>
  );
}
