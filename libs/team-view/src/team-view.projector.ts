import { SharedEvent } from '@ips/contracts';
import { CheckpointedConsumer, ConsumerOptions } from '@ips/messaging';
import { SqlDriver, migrate } from '@ips/postgres';
import { teamViewMigrations } from './team-view.migrations';
import { projectCaseload } from './board/caseload.projection';
import { openContactRequestsMigrations, projectOpenContactRequests } from './board/open-contact-requests.projection';
import { projectToTimeline } from './timeline/timeline.projection';

/** Applies one shared event to every team-view read model, in the caller's transaction. */
export async function projectTeamView(event: SharedEvent, tx: Parameters<typeof projectToTimeline>[1]): Promise<void> {
  await projectToTimeline(event, tx);
  await projectCaseload(event, tx);
  await projectOpenContactRequests(event, tx);
}

/** The team view's consumer: its checkpoint and its read models share the team-view database. */
export async function createTeamViewConsumer(
  db: SqlDriver,
  options: Pick<ConsumerOptions, 'onDeadLetter' | 'deadLetterSink'> = {},
): Promise<CheckpointedConsumer> {
  await migrate(db, teamViewMigrations, openContactRequestsMigrations);
  return CheckpointedConsumer.create(db, { name: TEAM_VIEW_GROUP, apply: projectTeamView, ...options });
}

/** The team view's consumer group and checkpoint name. */
export const TEAM_VIEW_GROUP = 'team-view';
