import { useCallback, useState } from 'react';
import { Page } from '../Page';
import { api } from '../api';
import { Form, bodyOf } from '../Form';
import { useI18n } from '../i18n';
import { inForceOf } from '../record';
import { write } from '../routes';
import { planProposalForm } from './forms';
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
  // …and the plan card reads what is in force again (a save may be answered before the team view has the entry).
  const reloadTimeline = timeline.reload;
  const onEntry = useCallback(() => {
    setEntriesSeen((count) => count + 1);
    void reloadTimeline();
  }, [reloadTimeline]);

  return (
    <Page title={m.myPage.title}>
      <p className="lead">{m.myPage.intro}</p>
      <LoadState loaded={timeline} />
      {timeline.data && <OwnPlan participantId={participantId} entries={timeline.data} onSaved={() => void timeline.reload()} />}
      {timeline.data && <Timeline participantId={participantId} initial={timeline.data} onEntry={onEntry} heading={m.myPage.timeline} />}
      <AccessLog participantId={participantId} heading={m.myPage.accessLog} reloadOn={entriesSeen} />
    </Page>
  );
}

/**
 * The participant's own action plan: the one in force, and a form to write or propose changes to it (the specialist
 * sees the proposal and records it as the plan). The history is on the timeline below: proposals and plans.
 */
function OwnPlan({ participantId, entries, onSaved }: { participantId: string; entries: readonly Entry[]; onSaved: () => void }) {
  const { m, t, date } = useI18n();
  const { plan, proposal } = inForceOf(entries);
  const spec = planProposalForm(proposal ?? plan);
  return (
    <section className="card" aria-labelledby="own-plan-heading">
      <h2 id="own-plan-heading">{m.myPage.planTitle}</h2>
      {plan ? (
        <dl className="facts">
          <dt>{m.forms.goals}</dt>
          <dd>{plan.goals.join(', ')}</dd>
          <dt>{m.forms.jobPreferences}</dt>
          <dd>{plan.jobPreferences.join(', ')}</dd>
          <dt>{m.forms.hoursPerWeek}</dt>
          <dd>{plan.hoursPerWeek}</dd>
          <dt>{m.forms.supportsWanted}</dt>
          <dd>{plan.supportsWanted.join(', ')}</dd>
        </dl>
      ) : (
        <p>{m.myPage.noPlan}</p>
      )}
      {proposal && (
        <p role="status" data-testid="open-proposal">
          {t(m.myPage.proposalOpen, { date: date(proposal.proposedAt) })}
        </p>
      )}
      <Form
        level={3}
        onSaved={onSaved}
        spec={{
          ...spec,
          intro: m.myPage.proposalIntro,
          submitLabel: m.myPage.propose,
          send: (values) => write('POST /welfare-office/participants/:id/action-plan-proposals', { id: participantId }, bodyOf(spec.fields, values)),
        }}
      />
    </section>
  );
}
