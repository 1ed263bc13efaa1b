import { SharedEvent } from '@ips/contracts';
import { CheckpointedConsumer, ConsumerOptions } from '@ips/messaging';
import { MigrationSet, SqlDriver, migrate } from '@ips/postgres';
import { teamViewMigrations } from './team-view.migrations';
import { TimelineFeed } from './live/timeline-feed';
import { projectCaseload } from './board/caseload.projection';
import { openContactRequestsMigrations, projectOpenContactRequests } from './board/open-contact-requests.projection';
import { projectToTimeline } from './timeline/timeline.projection';
import { TeamViewReadModel } from './read-model';
import { outcomeFactsReadModel } from './outcome-facts/outcome-facts.projection';
import { fidelityFactsReadModel } from './fidelity-facts/fidelity-facts.projection';
import { participantViews } from './participant-views/participant-views.projection';
import { RebuildOptions, RebuildResult, rebuildMigrations, rebuildReadModels, recordVersions, staleReadModels } from './rebuild/team-view.rebuild';

type Tx = Parameters<typeof projectToTimeline>[1];

const caseload: TeamViewReadModel = {
  name: 'caseload',
  version: 1,
  tables: ['tv_caseload'],
  apply: async (events, tx) => {
    for (const event of events) await projectCaseload(event, tx);
  },
};

const openContactRequests: TeamViewReadModel = {
  name: 'open-contact-requests',
  version: 1,
  migrations: openContactRequestsMigrations,
  tables: ['tv_open_contact_requests'],
  apply: projectOpenContactRequests,
};

/** Every stored read model of the team view, in the order they are applied (decision 33). */
export const TEAM_VIEW_READ_MODELS: readonly TeamViewReadModel[] = [
  caseload,
  openContactRequests,
  participantViews,
  outcomeFactsReadModel,
  fidelityFactsReadModel,
];

const migrationsOf = (models: readonly TeamViewReadModel[]): MigrationSet[] => [
  teamViewMigrations,
  rebuildMigrations,
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

/**
 * Before the consumer starts: read models built by older rules, or added since the database was made (an upgrade),
 * are rebuilt from the timeline, so the service never answers from rows its code would not write. An empty timeline
 * needs no rebuild. At a country's size this takes minutes (docs/benchmarks.md): run `npm run rebuild:team-view`
 * against the live service before deploying new rules, and the start finds nothing to do.
 */
export async function bringReadModelsUpToDate(db: SqlDriver, onRebuild?: (models: readonly string[], result: RebuildResult) => void): Promise<void> {
  const stale = await staleReadModels(db, TEAM_VIEW_READ_MODELS);
  if (stale.length === 0) return;
  const [timeline] = await db.query<{ any: boolean }>('select exists (select 1 from tv_timeline) as any');
  if (!timeline?.any) {
    await db.transaction((tx) => recordVersions(tx, TEAM_VIEW_READ_MODELS));
    return;
  }
  const result = await rebuildReadModels(db, TEAM_VIEW_READ_MODELS);
  onRebuild?.(
    stale.map((model) => model.name),
    result,
  );
}

/** The team view's consumer: its checkpoint and its read models share the team-view database. */
export async function createTeamViewConsumer(
  db: SqlDriver,
  options: Pick<ConsumerOptions, 'onDeadLetter' | 'deadLetterSink' | 'onStopped'> & {
    readonly feed?: TimelineFeed;
    /** Told when the start rebuilds read models (see bringReadModelsUpToDate), for a log line. */
    readonly onRebuild?: (models: readonly string[], result: RebuildResult) => void;
  } = {},
): Promise<CheckpointedConsumer> {
  await migrateTeamView(db);
  await bringReadModelsUpToDate(db, options.onRebuild);
  const { feed, onRebuild: _onRebuild, ...rest } = options;
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
