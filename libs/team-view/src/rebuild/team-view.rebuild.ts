import { SharedEvent } from '@ips/contracts';
import { MigrationSet, SqlDriver, SqlExecutor, makeSideCopies, putSideCopiesInPlace } from '@ips/postgres';
import { TeamViewReadModel } from '../read-model';

/** Where a rebuild is: after which participant, up to which timeline row, how far. */
export interface RebuildProgress {
  /** Timeline events folded so far (of those there were when the rebuild began). */
  readonly done: number;
  readonly total: number;
  readonly eventsPerSecond: number;
  /** Seconds left at the rate so far; null before the first page. */
  readonly secondsLeft: number | null;
  /** Whether this run took up a rebuild an earlier run left half done. */
  readonly resumed: boolean;
}

export interface RebuildOptions {
  /** Participants per page (one transaction each). */
  readonly pageSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Stops after this many pages, leaving the rebuild to resume (tests of resumption). */
  readonly stopAfterPages?: number;
}

export interface RebuildResult {
  /** Timeline events the read models were rebuilt from (those there when it began, plus those that came during it). */
  readonly events: number;
  readonly seconds: number;
  /** False when it stopped early (`stopAfterPages`): a later run resumes it. */
  readonly complete: boolean;
}

const NEXT = 'tv_next';

/**
 * The rebuild's own bookkeeping: its checkpoint (one row while a rebuild is under way) and which rules built each read
 * model's rows. (`if not exists`: a database from earlier builds of this code may have made them on the fly.)
 */
export const rebuildMigrations: MigrationSet = {
  component: 'team-view.rebuild',
  migrations: [
    {
      version: 1,
      sql: `
create table if not exists tv_rebuild (id int primary key default 1 check (id = 1), head bigint not null, after uuid,
  done bigint not null, total bigint not null, tables text[] not null, started_at timestamptz not null default now());
create table if not exists tv_read_model_versions (name text primary key, version int not null);`,
    },
  ],
};

type Progress = {
  readonly head: string;
  readonly after: string | null;
  readonly done: string;
  readonly total: string;
};

/**
 * Rebuilds every read model from the timeline (the team view's log of the shared events it accepted), blue/green
 * (decision 33): copies of the read models' tables are filled in the schema `tv_next`, a page of participants per
 * transaction (their whole timelines, read up to the timeline row that was the last when the rebuild began), with a
 * checkpoint in `tv_rebuild` in the same transaction, so a stopped rebuild resumes where it was. Meanwhile the
 * service answers from the old tables and its consumer keeps them current. At the end one transaction holds off the
 * consumer (a lock on the timeline), applies what arrived during the rebuild to the copies, and puts the copies'
 * rows in place of the old ones: readers see the old rows until it commits, the new ones after. Memory: one page.
 */
export async function rebuildReadModels(db: SqlDriver, models: readonly TeamViewReadModel[], options: RebuildOptions = {}): Promise<RebuildResult> {
  const started = Date.now();
  const pageSize = options.pageSize ?? 500;
  const tables = models.flatMap((model) => model.tables);
  const resumedFrom = await resumable(db, tables);
  const progress = resumedFrom ?? (await begin(db, tables));
  let after = progress.after;
  let done = Number(progress.done);
  const total = Number(progress.total);
  const startDone = done;
  let pages = 0;
  for (;;) {
    if (options.stopAfterPages !== undefined && pages >= options.stopAfterPages) {
      return { events: done, seconds: (Date.now() - started) / 1000, complete: false };
    }
    const page = await db.transaction(async (tx) => {
      await tx.exec(`set local search_path = ${NEXT}, public`);
      const ids = (
        await tx.query<{ participant_id: string }>(
          `select distinct participant_id from tv_timeline ${after === null ? '' : 'where participant_id > $2'} order by participant_id limit $1`,
          after === null ? [pageSize] : [pageSize, after],
        )
      ).map((row) => row.participant_id);
      if (ids.length === 0) return null;
      const rows = await tx.query<{ participant_id: string; event: SharedEvent; received: string }>(
        `select participant_id, event, received from tv_timeline where participant_id = any($1::uuid[]) and received <= $2
          order by participant_id, occurred_at, received`,
        [ids, progress.head],
      );
      await applyPage(tx, models, rows);
      const last = ids[ids.length - 1] as string;
      await tx.query('update tv_rebuild set after = $1, done = done + $2', [last, rows.length]);
      return { last, events: rows.length };
    });
    if (page === null) break;
    after = page.last;
    done += page.events;
    pages += 1;
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? (done - startDone) / seconds : 0;
    options.onProgress?.({
      done,
      total,
      eventsPerSecond: Math.round(rate),
      secondsLeft: rate > 0 ? Math.max(0, (total - done) / rate) : null,
      resumed: resumedFrom !== null,
    });
  }
  const caughtUp = await swapIn(db, models, tables, progress.head);
  return { events: done + caughtUp, seconds: (Date.now() - started) / 1000, complete: true };
}

/** The timeline rows of a page, to each model: whole timelines to `rebuild`, else runs by participant and arrival to `apply`. */
async function applyPage(
  tx: SqlExecutor,
  models: readonly TeamViewReadModel[],
  rows: readonly { participant_id: string; event: SharedEvent; received: string }[],
): Promise<void> {
  const timelines = new Map<string, SharedEvent[]>();
  for (const { participant_id, event } of rows) {
    const timeline = timelines.get(participant_id);
    if (timeline) timeline.push(event);
    else timelines.set(participant_id, [event]);
  }
  let byArrival: SharedEvent[] | undefined;
  for (const model of models) {
    if (model.rebuild) {
      await model.rebuild(timelines, tx);
    } else {
      byArrival ??= [...rows]
        .sort((a, b) => a.participant_id.localeCompare(b.participant_id) || Number(a.received) - Number(b.received))
        .map((row) => row.event);
      await model.apply(byArrival, tx);
    }
  }
}

/** A rebuild an earlier run left half done (its checkpoint and copies), to take up; null when there is none. */
async function resumable(db: SqlDriver, tables: readonly string[]): Promise<Progress | null> {
  const [row] = await db.query<Progress & { tables: string[] }>('select head::text, after::text, done::text, total::text, tables from tv_rebuild');
  // A checkpoint for another set of tables (the read models changed in between) is started over.
  return row && row.tables.join(',') === tables.join(',') ? row : null;
}

/** Fresh, empty copies of the read models' tables in `tv_next`, and a checkpoint at the timeline's head. */
async function begin(db: SqlDriver, tables: readonly string[]): Promise<Progress> {
  return db.transaction(async (tx) => {
    await makeSideCopies(tx, NEXT, tables);
    await tx.exec('delete from tv_rebuild');
    const [head] = await tx.query<{ head: string; total: string }>('select coalesce(max(received), 0)::text as head, count(*)::text as total from tv_timeline');
    const { head: at, total } = head as { head: string; total: string };
    await tx.query('insert into tv_rebuild (head, after, done, total, tables) values ($1, null, 0, $2, $3)', [at, total, tables]);
    return { head: at, after: null, done: '0', total };
  });
}

/**
 * One transaction: the consumer held off (it writes the timeline first, so a share lock on it waits for a run in
 * progress and holds off the next), what arrived since the rebuild began applied to the copies, the copies' rows put in
 * place of the old, the copies and checkpoint dropped. Returns the events caught up.
 */
async function swapIn(db: SqlDriver, models: readonly TeamViewReadModel[], tables: readonly string[], head: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.exec('lock table tv_timeline in share mode');
    await tx.exec(`set local search_path = ${NEXT}, public`);
    let caughtUp = 0;
    let from = head;
    for (;;) {
      const rows = await tx.query<{ event: SharedEvent; received: string }>(
        'select event, received::text from tv_timeline where received > $1 order by received limit 5000',
        [from],
      );
      if (rows.length === 0) break;
      const events = rows.map((row) => row.event);
      for (const model of models) await model.apply(events, tx);
      caughtUp += rows.length;
      from = (rows[rows.length - 1] as { received: string }).received;
    }
    await tx.exec('set local search_path = public');
    await putSideCopiesInPlace(tx, NEXT, tables);
    await tx.exec('delete from tv_rebuild');
    await recordVersions(tx, models);
    return caughtUp;
  });
}

/** Notes which rules built the read models' rows. */
export async function recordVersions(tx: SqlExecutor, models: readonly TeamViewReadModel[]): Promise<void> {
  await tx.query(
    `insert into tv_read_model_versions (name, version) select * from unnest($1::text[], $2::int[])
     on conflict (name) do update set version = excluded.version`,
    [models.map((model) => model.name), models.map((model) => model.version)],
  );
}

/** The read models whose rows were built by other rules than these (or not at all, as on a database from before them). */
export async function staleReadModels(db: SqlExecutor, models: readonly TeamViewReadModel[]): Promise<TeamViewReadModel[]> {
  const rows = await db.query<{ name: string; version: number }>('select name, version from tv_read_model_versions');
  const built = new Map(rows.map((row) => [row.name, Number(row.version)]));
  return models.filter((model) => built.get(model.name) !== model.version);
}
