import { ALL_EVENTS, EventStore, RecordedEvent, inCategories } from '@ips/event-store';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { ConsumerCheckpoints } from '@ips/messaging';
import { SqlDriver, SqlExecutor, makeSideCopies, migrate, putSideCopiesInPlace } from '@ips/postgres';
import { contactLineMigrations } from './contact-line.migrations';
import {
  CONTACT_LINE_CATEGORIES,
  CONTACT_LINE_READ_MODELS,
  CONTACT_LINE_READ_MODEL_TABLES,
  CONTACT_LINE_SUBSCRIPTION,
  applyToContactLine,
} from './contact-line.projector';

/** The employer's events after a position, a page at a time, and how far each read reached. */
export interface EmployerEventPages {
  /** At most `limit` of them after `after`; every one up to `through` is in this page or an earlier one. */
  read(after: number, limit: number, tx: SqlExecutor): Promise<{ readonly events: readonly RecordedEvent[]; readonly through: number }>;
  /** How many there are up to `upTo`, for the progress line; absent where the store cannot tell cheaply. */
  count?(upTo: number, tx: SqlExecutor): Promise<number>;
}

/**
 * The employer's events from its store: on PostgreSQL (always the service's own database) through the category index and
 * the rebuild's transaction; elsewhere (KurrentDB) the whole log in pages, the others left out.
 */
export function employerEventPages(store: EventStore): EmployerEventPages {
  if (store instanceof PostgresEventStore) {
    return {
      read: (after, limit, tx) => store.readCategories(after, limit, CONTACT_LINE_CATEGORIES, tx),
      count: (upTo, tx) => store.countCategories(upTo, CONTACT_LINE_CATEGORIES, tx),
    };
  }
  return {
    read: async (after, limit) => {
      const page = await store.readAll(after, limit);
      const through = page.at(-1)?.globalPosition ?? after;
      return { events: page.filter((event) => inCategories(event.streamId, CONTACT_LINE_CATEGORIES)), through };
    },
  };
}

export interface ContactLineRebuildProgress {
  /** The employer's events applied so far. */
  readonly done: number;
  /** Of how many (null where the store cannot count them). */
  readonly total: number | null;
  readonly eventsPerSecond: number;
  /** At the rate so far; null before the first page or without a total. */
  readonly secondsLeft: number | null;
  readonly resumed: boolean;
}

export interface ContactLineRebuildOptions {
  /** Events read per page (one transaction each). */
  readonly pageSize?: number;
  readonly onProgress?: (progress: ContactLineRebuildProgress) => void;
  /** Stops after this many pages, leaving the rebuild to resume (tests of resumption). */
  readonly stopAfterPages?: number;
}

export interface ContactLineRebuildResult {
  /** The employer's events the read models were rebuilt from, with those the line applied meanwhile. */
  readonly events: number;
  readonly seconds: number;
  /** False when it stopped early (`stopAfterPages`): a later run resumes it. */
  readonly complete: boolean;
}

const NEXT = 'ecl_next';

type Checkpoint = { readonly upto: number; readonly after: number; readonly done: number; readonly total: number | null };

/**
 * Rebuilds the contact line's read models from the employer's events (decision 37), blue/green as the team view's
 * (decision 33): empty copies of their tables in the schema `ecl_next` are filled a page of events per transaction, up
 * to where the line's checkpoint stood when the rebuild began, with the rebuild's own checkpoint (`ecl_rebuild`) moved in
 * the same transaction, so a stopped rebuild resumes where it was. Meanwhile the line answers from its tables and keeps
 * them current. A last transaction holds the line's checkpoint (its next run waits), applies to the copies what the line
 * applied since, and puts the copies' rows in place of the old: readers see the old rows until it commits. The
 * deliveries are not rebuilt (CONTACT_LINE_READ_MODELS). Memory: one page.
 */
export async function rebuildContactLine(db: SqlDriver, pages: EmployerEventPages, options: ContactLineRebuildOptions = {}): Promise<ContactLineRebuildResult> {
  const started = Date.now();
  const pageSize = options.pageSize ?? 5_000;
  const line = await ConsumerCheckpoints.open(db, CONTACT_LINE_SUBSCRIPTION);
  await migrate(db, contactLineMigrations);
  const resumedFrom = await resumable(db);
  const checkpoint = resumedFrom ?? (await begin(db, line, pages));
  let { after, done } = checkpoint;
  const startDone = done;
  for (let page = 0; ; page++) {
    if (options.stopAfterPages !== undefined && page >= options.stopAfterPages) {
      return { events: done, seconds: (Date.now() - started) / 1000, complete: false };
    }
    const applied = await db.transaction(async (tx) => {
      const { events, through } = await pages.read(after, pageSize, tx);
      const mine = events.filter((event) => event.globalPosition <= checkpoint.upto);
      await tx.exec(`set local search_path = ${NEXT}, public`);
      await applyToContactLine(CONTACT_LINE_READ_MODELS, mine, tx);
      // Nothing read, nothing further (a KurrentDB checkpoint may lie past the last event): done.
      const reached =
        events.length === 0 && through <= after ? checkpoint.upto : Math.min(checkpoint.upto, Math.max(through, events.at(-1)?.globalPosition ?? after));
      await tx.query('update ecl_rebuild set after = $1, done = done + $2', [reached, mine.length]);
      return { reached, events: mine.length };
    });
    after = applied.reached;
    done += applied.events;
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? (done - startDone) / seconds : 0;
    const { total } = checkpoint;
    options.onProgress?.({
      done,
      total,
      eventsPerSecond: Math.round(rate),
      secondsLeft: rate > 0 && total !== null ? Math.max(0, (total - done) / rate) : null,
      resumed: resumedFrom !== null,
    });
    if (after >= checkpoint.upto) break;
  }
  const caughtUp = await swapIn(db, line, pages, checkpoint.upto, pageSize);
  return { events: done + caughtUp, seconds: (Date.now() - started) / 1000, complete: true };
}

/** A rebuild an earlier run left half done, to take up; null when there is none (or it was for other tables). */
async function resumable(db: SqlDriver): Promise<Checkpoint | null> {
  const [row] = await db.query<{ upto: unknown; after: unknown; done: unknown; total: unknown; tables: string[] }>(
    'select upto, after, done, total, tables from ecl_rebuild',
  );
  if (!row || row.tables.join(',') !== CONTACT_LINE_READ_MODEL_TABLES.join(',')) return null;
  return { upto: Number(row.upto), after: Number(row.after), done: Number(row.done), total: row.total === null ? null : Number(row.total) };
}

/** Fresh, empty copies of the tables in `ecl_next`, and a checkpoint up to where the line stands now. */
async function begin(db: SqlDriver, line: ConsumerCheckpoints, pages: EmployerEventPages): Promise<Checkpoint> {
  const upto = await line.position(ALL_EVENTS);
  return db.transaction(async (tx) => {
    await makeSideCopies(tx, NEXT, CONTACT_LINE_READ_MODEL_TABLES);
    await tx.exec('delete from ecl_rebuild');
    const total = pages.count ? await pages.count(upto, tx) : null;
    await tx.query('insert into ecl_rebuild (upto, after, done, total, tables) values ($1, 0, 0, $2, $3)', [upto, total, CONTACT_LINE_READ_MODEL_TABLES]);
    return { upto, after: 0, done: 0, total };
  });
}

/**
 * One transaction: the line's checkpoint held (a run in progress finishes first, the next waits), the events it applied
 * since the rebuild began applied to the copies, the copies' rows put in place of the old, the copies and the rebuild's
 * checkpoint dropped. Returns the events caught up.
 */
async function swapIn(db: SqlDriver, line: ConsumerCheckpoints, pages: EmployerEventPages, upto: number, pageSize: number): Promise<number> {
  return db.transaction(async (tx) => {
    const now = await line.hold(tx, ALL_EVENTS);
    await tx.exec(`set local search_path = ${NEXT}, public`);
    let caughtUp = 0;
    for (let after = upto; after < now;) {
      const { events, through } = await pages.read(after, pageSize, tx);
      const mine = events.filter((event) => event.globalPosition <= now);
      await applyToContactLine(CONTACT_LINE_READ_MODELS, mine, tx);
      caughtUp += mine.length;
      const reached = Math.max(through, events.at(-1)?.globalPosition ?? after);
      if (reached <= after) break;
      after = reached;
    }
    await tx.exec('set local search_path = public');
    await putSideCopiesInPlace(tx, NEXT, CONTACT_LINE_READ_MODEL_TABLES);
    await tx.exec('delete from ecl_rebuild');
    return caughtUp;
  });
}
