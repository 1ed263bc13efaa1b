import { SharedEvent } from '@ips/contracts';
import { CheckpointedConsumer, ConsumerOptions } from '@ips/messaging';
import { SqlDriver, SqlExecutor, migrate } from '@ips/postgres';
import { teamDirectoryMigrations } from './team-directory.migrations';
import { applyTeamEvent } from './team-directory.projection';
import { projectNamedPeople, projectParticipantTeam } from './participant-directory.projection';

/** The directory's checkpoint (and its consumer's name) in each service's own database. */
export const TEAM_DIRECTORY_CONSUMER = 'team-directory';

/**
 * The bus group the directory consumes in: `team-directory` in the embedded profile (one process, one database);
 * `<service>.team-directory` in the distributed one, since every service needs every message and a Kafka group
 * shares its messages out among its members.
 */
export const teamDirectoryGroup = (service?: string): string => (service ? `${service}.${TEAM_DIRECTORY_CONSUMER}` : TEAM_DIRECTORY_CONSUMER);

/** What the directory learns from a participant event, in the consumer's transaction. */
export type ParticipantProjection = (event: SharedEvent, tx: SqlExecutor) => Promise<void>;

/**
 * The directory's projections of participant events, applied in delivery order with the team events: a
 * participant's team (referral, transfer) and the people named on their record (enrolment, treatment-team link,
 * municipal contact), with their tables in the directory's migrations. Another one goes here; if it needs events
 * from before it existed, its migration resets `td_backfill` so the directory reads its own outbox again.
 */
export const participantProjections: readonly ParticipantProjection[] = [projectParticipantTeam, projectNamedPeople];

/** Applies one participant event to every projection of the directory, in the caller's transaction. */
export async function applyParticipantEvent(event: SharedEvent, tx: SqlExecutor): Promise<void> {
  for (const project of participantProjections) await project(event, tx);
}

/** The directory's consumer: its checkpoint and its tables share the service's database, so each change counts once. */
export async function createTeamDirectoryConsumer(
  db: SqlDriver,
  options: Pick<ConsumerOptions, 'onDeadLetter' | 'deadLetterSink' | 'onStopped'> = {},
): Promise<CheckpointedConsumer> {
  await migrate(db, teamDirectoryMigrations);
  return CheckpointedConsumer.create(db, {
    name: TEAM_DIRECTORY_CONSUMER,
    apply: applyParticipantEvent,
    applyTeamEvent,
    ...options,
  });
}
