import { SharedEvent } from '@ips/contracts';
import { MigrationSet, SqlExecutor } from '@ips/postgres';

/**
 * One stored read model of the team view (decision 33): its tables (its own migration component), how a run of
 * shared events changes them, and how to empty them before a rebuild. The consumer calls `apply` in the transaction
 * that moves its checkpoint, after the events are in `tv_timeline`; the rebuild calls it with runs of the timeline
 * ordered by participant and arrival (or `rebuild` with whole timelines). So `apply` must hold for any run in which each participant's events keep the
 * order they arrived in, and must read what it needs of earlier events from its own tables (or the timeline).
 */
export interface TeamViewReadModel {
  readonly name: string;
  /**
   * The version of its rules: raise it when `apply` or `rebuild` would now write different rows from the same events.
   * On start, a database whose read models were built with other versions (or before a read model existed) is
   * rebuilt from its timeline (team-view.projector.ts, `bringReadModelsUpToDate`).
   */
  readonly version: number;
  /** Its own migration component; absent for the first read models, whose tables are in teamViewMigrations. */
  readonly migrations?: MigrationSet;
  /**
   * Its tables (unqualified names). The rebuild fills copies of them in the schema `tv_next` (it runs `apply` and
   * `rebuild` with that schema first on the search path, so their SQL must not name a schema) and swaps them in.
   */
  readonly tables: readonly string[];
  apply(events: readonly SharedEvent[], tx: SqlExecutor): Promise<void>;
  /**
   * How the rebuild fills it from a page of whole timelines (each in timeline order: occurred, then arrival), when that
   * is cheaper than `apply`; without it the rebuild calls `apply` with the page's events by participant and arrival.
   */
  rebuild?(timelines: ReadonlyMap<string, readonly SharedEvent[]>, tx: SqlExecutor): Promise<void>;
}
