import { SharedEvent } from '@ips/contracts';
import { CheckpointedConsumer, ConsumerOptions } from '@ips/messaging';
import { MigrationSet, SqlDriver, migrate } from '@ips/postgres';
import { teamViewMigrations } from './team-view.migrations';
import { TimelineFeed } from './live/timeline-feed';
import { projectCaseload } from './board/caseload.projection';
import { openContactRequestsMigrations, projectOpenContactRequests } from './board/open-contact-requests.projection';
import { projectToTimeline } from './timeline/timeline.projection';
import { TeamViewReadModel } from './read-model';
import { participantViews } from './participant-views/participant-views.projection';
import { RebuildOptions, RebuildResult, rebuildReadModels } from './rebuild/team-view.rebuild';

type Tx = Parameters<typeof projectToTimeline>[1];

const caseload: TeamViewReadModel = {
  name: 'caseload',
  tables: ['tv_caseload'],
  apply: async (events, tx) => {
    for (const event of events) await projectCaseload(event, tx);
  },
};

const openContactRequests: TeamViewReadModel = {
  name: 'open-contact-requests',
  migrations: openContactRequestsMigrations,
  tables: ['tv_open_contact_requests'],
  apply: projectOpenContactRequests,
};

/** Every stored read model of the team view, in the order they are applied (decision 33). */
export const TEAM_VIEW_READ_MODELS: readonly TeamViewReadModel[] = [caseload, openContactRequests, participantViews];

const migrationsOf = (models: readonly TeamViewReadModel[]): MigrationSet[] => [
  teamViewMigrations,
  ...models.flatMap((model) => (model.migrations ? [model.migrations] : [])),
];

/** Creates or upgrades the team view's tables, the read models' included. */
export async function migrateTeamView(db: SqlDriver): Promise<void> {
  await migrate(db, ...migrationsOf(TEAM_VIEW_READ_MODELS));
}

/**
 * Applies a run of shared events, in order, to every team-view read model in the caller's transaction: the timeline
 * first (one statement), then each read model with the events the timeline did not already have, so a redelivered
 * event counts once.
 */
export async function projectTeamView(events: readonly SharedEvent[], tx: Tx): Promise<void> {
  const fresh = await projectToTimeline(events, tx);
  for (const model of TEAM_VIEW_READ_MODELS) await model.apply(fresh, tx);
}

/**
 * Rebuilds every read model from the timeline, in pages, blue/green and resumable (rebuild/team-view.rebuild.ts): after
 * a change to a read model's rules, or to repair one. The timeline is the team view's copy of every shared event it
 * accepted; the audit log is never rebuilt.
 */
export async function rebuildTeamView(db: SqlDriver, options: RebuildOptions = {}): Promise<RebuildResult> {
  await migrateTeamView(db);
  return rebuildReadModels(db, TEAM_VIEW_READ_MODELS, options);
}

/** The same, answering the number of timeline events rebuilt from. */
export async function rebuildTeamViewReadModels(db: SqlDriver, options: RebuildOptions = {}): Promise<number> {
  return (await rebuildTeamView(db, options)).events;
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
