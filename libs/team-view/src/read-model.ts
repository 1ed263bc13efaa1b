import { SharedEvent } from '@ips/contracts';
import { MigrationSet, SqlExecutor } from '@ips/postgres';

/**
 * One stored read model of the team view (decision 33): its tables (its own migration component), how a run of
 * shared events changes them, and how to empty them before a rebuild. The consumer calls `apply` in the transaction
 * that moves its checkpoint, after the events are in `tv_timeline`; the rebuild calls it with runs of the timeline
 * ordered by participant and arrival. So `apply` must hold for any run in which each participant's events keep the
 * order they arrived in, and must read what it needs of earlier events from its own tables (or the timeline).
 */
export interface TeamViewReadModel {
  readonly name: string;
  /** Its own migration component; absent for the first read models, whose tables are in teamViewMigrations. */
  readonly migrations?: MigrationSet;
  /** Statements that empty the read model's tables (the rebuild runs them first). */
  readonly reset: string;
  apply(events: readonly SharedEvent[], tx: SqlExecutor): Promise<void>;
}
