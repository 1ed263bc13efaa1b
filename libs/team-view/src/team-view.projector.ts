import { SharedEvent } from '@ips/contracts';
import { CheckpointedConsumer, ConsumerOptions } from '@ips/messaging';
import { MigrationSet, SqlDriver, migrate } from '@ips/postgres';
import { teamViewMigrations } from './team-view.migrations';
import { TimelineFeed } from './live/timeline-feed';
import { projectCaseload } from './board/caseload.projection';
import { openContactRequestsMigrations, projectOpenContactRequests } from './board/open-contact-requests.projection';
import { projectToTimeline } from './timeline/timeline.projection';
import { TeamViewReadModel } from './read-model';

type Tx = Parameters<typeof projectToTimeline>[1];

const caseload: TeamViewReadModel = {
  name: 'caseload',
  reset: 'delete from tv_caseload;',
  apply: async (events, tx) => {
    for (const event of events) await projectCaseload(event, tx);
  },
};

const openContactRequests: TeamViewReadModel = {
  name: 'open-contact-requests',
  migrations: openContactRequestsMigrations,
  reset: 'delete from tv_open_contact_requests;',
  apply: projectOpenContactRequests,
};

/** Every stored read model of the team view, in the order they are applied (decision 33). */
export const TEAM_VIEW_READ_MODELS: readonly TeamViewReadModel[] = [caseload, openContactRequests];

const migrationsOf = (models: readonly TeamViewReadModel[]): MigrationSet[] => [
  teamViewMigrations,
  ...models.flatMap((model) => (model.migrations ? [model.migrations] : [])),
];

/** Creates or upgrades the team view's tables, the read models' included. */
export async function migrateTeamView(db: SqlDriver): Promise<void> {
  await migrate(db, ...migrationsOf(TEAM_VIEW_READ_MODELS));
}

/** The read models derived from the timeline (which is itself the team view's log of shared events). */
async function projectDerived(events: readonly SharedEvent[], tx: Tx): Promise<void> {
  for (const model of TEAM_VIEW_READ_MODELS) await model.apply(events, tx);
}

/** Applies a run of shared events, in order, to every team-view read model in the caller's transaction: a few statements for the run. */
export async function projectTeamView(events: readonly SharedEvent[], tx: Tx): Promise<void> {
  await projectToTimeline(events, tx);
  await projectDerived(events, tx);
}

/**
 * Rebuilds the derived read models from the timeline, in the order the events arrived, in one transaction: after a
 * change to a projection's rules, or to repair one. The timeline is the team view's copy of every shared event it
 * accepted; the audit log is never rebuilt.
 */
export async function rebuildTeamViewReadModels(db: SqlDriver): Promise<number> {
  await migrateTeamView(db);
  return db.transaction(async (tx) => {
    await tx.exec(TEAM_VIEW_READ_MODELS.map((model) => model.reset).join('\n'));
    const rows = await tx.query<{ event: SharedEvent }>('select event from tv_timeline order by received');
    await projectDerived(rows.map(({ event }) => event), tx);
    return rows.length;
  });
}

/** The team view's consumer: its checkpoint and its read models share the team-view database. */
export async function createTeamViewConsumer(
  db: SqlDriver,
  options: Pick<ConsumerOptions, 'onDeadLetter' | 'deadLetterSink'> & { readonly feed?: TimelineFeed } = {},
): Promise<CheckpointedConsumer> {
  await migrateTeamView(db);
  const { feed, ...rest } = options;
  return CheckpointedConsumer.create(db, {
    name: TEAM_VIEW_GROUP,
    apply: (event, tx) => projectTeamView([event], tx),
    applyAll: projectTeamView,
    ...rest,
    ...(feed ? { onApplied: (events) => feed.publish(events) } : {}),
  });
}

/** The team view's consumer group and checkpoint name. */
export const TEAM_VIEW_GROUP = 'team-view';
