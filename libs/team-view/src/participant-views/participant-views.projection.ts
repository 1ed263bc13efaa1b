import { SharedEvent } from '@ips/contracts';
import { MigrationSet, SqlExecutor } from '@ips/postgres';
import { TeamViewReadModel } from '../read-model';
import { namedSubs } from '../participant-list/names-reader';
import {
  ParticipantFacts,
  ParticipantView,
  ViewKey,
  dueOn,
  emptyFacts,
  emptyView,
  evolveFacts,
  evolveView,
  foldParticipant,
  needsRefold,
  viewsOf,
} from './participant-view';

/** Its own component, so its versions never collide with the team view's other read models. */
export const participantViewsMigrations: MigrationSet = {
  component: 'team-view.participant-views',
  migrations: [
    {
      version: 1,
      sql: `
create table tv_participants (
  participant_id uuid primary key,
  facts jsonb not null,
  named_subs text[] not null,
  circle text[] not null
);
create table tv_participant_views (
  participant_id uuid not null,
  view text not null,
  state jsonb not null,
  due date,
  primary key (participant_id, view)
);`,
    },
    {
      // A staff member's own caseload (`scope=mine`) starts from the records naming them.
      version: 2,
      sql: 'create index tv_participants_by_named on tv_participants using gin (named_subs);',
    },
  ],
};

interface Folded {
  facts: ParticipantFacts;
  views: Map<ViewKey, ParticipantView>;
  changed: Set<ViewKey>;
}

/**
 * The participant views (participant-view.ts) kept in step with the timeline. Of a run, each participant's rows are
 * read once, the events applied in memory and the changed rows written back in two statements. An event that changes
 * the consent, an erasure, or one that arrived after a later one re-folds the participant from the timeline, which
 * already holds the run (the consumer writes the timeline first).
 */
export async function projectParticipantViews(events: readonly SharedEvent[], tx: SqlExecutor): Promise<void> {
  if (events.length === 0) return;
  const ids = [...new Set(events.map((event) => event.participantId))];
  const stored = await loadStored(tx, ids);
  const refold = new Set<string>();
  for (const event of events) {
    const id = event.participantId;
    if (refold.has(id)) continue;
    const current = stored.get(id) ?? { facts: emptyFacts(id), views: new Map(), changed: new Set<ViewKey>() };
    stored.set(id, current);
    if (needsRefold(current.facts, event)) {
      refold.add(id);
      continue;
    }
    current.facts = evolveFacts(current.facts, event);
    for (const key of viewsOf(event.source, current.facts.consent)) {
      current.views.set(key, evolveView(current.views.get(key) ?? emptyView(id), event));
      current.changed.add(key);
    }
  }
  if (refold.size > 0) {
    const timelines = await loadTimelines(tx, [...refold]);
    for (const id of refold) {
      const { facts, views } = foldParticipant(id, timelines.get(id) ?? []);
      stored.set(id, { facts, views, changed: new Set(views.keys()) });
    }
    // Views the consent no longer fills (a withdrawal empties the circle's) go.
    await tx.query('delete from tv_participant_views where participant_id = any($1::uuid[])', [[...refold]]);
  }
  await writeFolded(tx, stored);
}

/** Writes participants' facts and their changed views: one statement each. */
export async function writeFolded(tx: SqlExecutor, folded: ReadonlyMap<string, Folded>): Promise<void> {
  const participants = [...folded.values()];
  if (participants.length === 0) return;
  await tx.query(
    `insert into tv_participants (participant_id, facts, named_subs, circle)
     select p.participant_id, p.facts, array(select jsonb_array_elements_text(p.named_subs)), array(select jsonb_array_elements_text(p.circle))
       from jsonb_to_recordset($1::jsonb) as p(participant_id uuid, facts jsonb, named_subs jsonb, circle jsonb)
     on conflict (participant_id) do update set facts = excluded.facts, named_subs = excluded.named_subs, circle = excluded.circle`,
    [
      JSON.stringify(
        participants.map(({ facts }) => ({
          participant_id: facts.participantId,
          facts,
          named_subs: namedSubs(facts.named),
          circle: facts.consent ? [...new Set([...facts.consent.shareWith, facts.consent.recordedBy])] : [],
        })),
      ),
    ],
  );
  const views = participants.flatMap(({ facts, views, changed }) =>
    [...changed].map((key) => {
      const view = views.get(key) as ParticipantView;
      return { participant_id: facts.participantId, view: key, state: view, due: dueOn(view) };
    }),
  );
  if (views.length === 0) return;
  await tx.query(
    `insert into tv_participant_views (participant_id, view, state, due)
     select participant_id, view, state, due from jsonb_to_recordset($1::jsonb) as v(participant_id uuid, view text, state jsonb, due date)
     on conflict (participant_id, view) do update set state = excluded.state, due = excluded.due`,
    [JSON.stringify(views)],
  );
}

async function loadStored(tx: SqlExecutor, ids: readonly string[]): Promise<Map<string, Folded>> {
  const facts = await tx.query<{ participant_id: string; facts: ParticipantFacts }>(
    'select participant_id, facts from tv_participants where participant_id = any($1::uuid[])',
    [ids],
  );
  const views = await tx.query<{ participant_id: string; view: ViewKey; state: ParticipantView }>(
    'select participant_id, view, state from tv_participant_views where participant_id = any($1::uuid[])',
    [ids],
  );
  const stored = new Map<string, Folded>(facts.map((row) => [row.participant_id, { facts: row.facts, views: new Map(), changed: new Set() }]));
  for (const row of views) stored.get(row.participant_id)?.views.set(row.view, row.state);
  return stored;
}

/** Participants' timelines in timeline order (occurred, then arrival), as the reads fold them. */
export async function loadTimelines(db: SqlExecutor, ids: readonly string[]): Promise<Map<string, SharedEvent[]>> {
  const rows = await db.query<{ participant_id: string; event: SharedEvent }>(
    'select participant_id, event from tv_timeline where participant_id = any($1::uuid[]) order by participant_id, occurred_at, received',
    [ids],
  );
  const timelines = new Map<string, SharedEvent[]>();
  for (const { participant_id, event } of rows) {
    const timeline = timelines.get(participant_id);
    if (timeline) timeline.push(event);
    else timelines.set(participant_id, [event]);
  }
  return timelines;
}

/** Rebuilds the views of a page of participants from their timelines: one fold each, two statements for the page. */
export async function rebuildParticipantViews(timelines: ReadonlyMap<string, readonly SharedEvent[]>, tx: SqlExecutor): Promise<void> {
  const folded = new Map<string, Folded>();
  for (const [id, timeline] of timelines) {
    const { facts, views } = foldParticipant(id, timeline);
    folded.set(id, { facts, views, changed: new Set(views.keys()) });
  }
  await writeFolded(tx, folded);
}

export const participantViews: TeamViewReadModel = {
  name: 'participant-views',
  version: 1,
  migrations: participantViewsMigrations,
  tables: ['tv_participants', 'tv_participant_views'],
  apply: projectParticipantViews,
  rebuild: rebuildParticipantViews,
};
