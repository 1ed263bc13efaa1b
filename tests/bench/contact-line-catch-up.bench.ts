import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { systemClock } from '@ips/kernel';
import { RecordedEvent } from '@ips/event-store';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { CheckpointedProjection } from '@ips/messaging';
import { PgDriver, PgliteDriver, SqlDriver, ensureDatabase } from '@ips/postgres';
import {
  CONTACT_LINE_READ_MODELS,
  CONTACT_LINE_READ_MODEL_TABLES,
  ContactLineProjector,
  DeliveryOutbox,
  applyToContactLine,
  defaultContactLineConfig,
} from '@ips/employer/feature';

/**
 * A measurement, not a test of speed (nothing is asserted about time): how long the line takes to catch up with a log
 * of CONTACT_LINE_CATCH_UP_EVENTS events of which 2 % are the employer's, reading every event and filtering in memory
 * (as before decision 37) and following the 'employer' category. CONTACT_LINE_CATCH_UP_ENGINE=pglite for the embedded
 * engine, else DATABASE_URL's server (PGlite when it is not set):
 *
 *   CONTACT_LINE_CATCH_UP_EVENTS=200000 DATABASE_URL=postgres://… npm run -s bench:contact-line-catch-up
 */
const EVENTS = Number(process.env['CONTACT_LINE_CATCH_UP_EVENTS'] ?? 200_000);
const ENGINE = process.env['CONTACT_LINE_CATCH_UP_ENGINE'] === 'pglite' ? 'pglite' : 'postgres';
const DATABASE_URL = process.env['DATABASE_URL'];

/** The log written straight into the table: every 50th event a placement of the employer's, the rest another agency's. */
async function fillLog(db: SqlDriver, events: number): Promise<number> {
  await db.query(
    `insert into es_events (global_position, stream_id, stream_position, event_id, type, data, metadata)
     select n,
            case when n % 50 = 0 then 'employer.participant-employment-' || p else 'welfare-office.participant-' || p end,
            1, gen_random_uuid(),
            case when n % 50 = 0 then 'PlacementStarted' else 'ParticipantReferred' end,
            case when n % 50 = 0
              then jsonb_build_object('placementId', gen_random_uuid(), 'participantId', p, 'employerId', gen_random_uuid(),
                     'jobTitle', 'Cook', 'startDate', '2026-02-16', 'hoursPerWeek', 20, 'hourlyWage', 230, 'recordedAt', '2026-02-10T09:00:00.000Z')
              else jsonb_build_object('participantId', p, 'referredBy', 'nav-case-worker', 'reason', repeat('x', 200))
            end,
            '{}'::jsonb
       from (select n, gen_random_uuid() as p from generate_series(1, $1::int) n) s`,
    [events],
  );
  await db.query('update es_counters set events = $1 where id = 1', [events]);
  await db.exec('analyze es_events');
  return events / 50;
}

const say = (line: string): void => void process.stdout.write(`${line}\n`);

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

async function open(): Promise<{ db: SqlDriver; drop: () => Promise<void> }> {
  if (ENGINE === 'pglite' || !DATABASE_URL) return { db: await PgliteDriver.open(), drop: async () => undefined };
  {
    const name = `ips_ecl_catch_up_${process.pid}_${randomBytes(4).toString('hex')}`;
    const url = new URL(DATABASE_URL);
    url.pathname = `/${name}`;
    await ensureDatabase(url.toString());
    const db = new PgDriver({ connectionString: url.toString(), max: 4 });
    const drop = async () => {
      const admin = new Client({ connectionString: DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists "${name}" with (force)`).finally(() => admin.end());
    };
    return { db, drop };
  }
}

async function main(): Promise<void> {
  say(`# the contact line's catch-up over ${EVENTS.toLocaleString('en')} events, 2 % the employer's (${ENGINE}) | ${new Date().toISOString()}`);
  const { db, drop } = await open();
  try {
    const store = await PostgresEventStore.open(db);
    let started = performance.now();
    const employer = await fillLog(db, EVENTS);
    say(
      `log of ${EVENTS.toLocaleString('en')} events (${employer.toLocaleString('en')} the employer's) written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // After: the line as it runs now, following the employer category.
    const line = new ContactLineProjector(
      store.events,
      { driver: db },
      { ...defaultContactLineConfig, catchUpTimeoutMs: 3_600_000 },
      new DeliveryOutbox([], systemClock),
    );
    await line.onModuleInit();
    started = performance.now();
    await line.onApplicationBootstrap();
    check(await line.waitForHead(), 'the line did not catch up');
    const filtered = (performance.now() - started) / 1000;
    await line.onModuleDestroy();
    const [placements] = await db.query<{ n: number }>('select count(*)::int as n from ecl_placements');
    check(placements?.n === employer, `${placements?.n} placements, not ${employer}`);

    // Before: every event read, the others dropped in memory (the line's follow without categories).
    for (const table of CONTACT_LINE_READ_MODEL_TABLES) await db.exec(`truncate ${table}`);
    const everything = await CheckpointedProjection.open<RecordedEvent>(db, store.events, 'employer.contact-line.measure-unfiltered', {
      apply: (events, tx) => applyToContactLine(CONTACT_LINE_READ_MODELS, events, tx),
      pollIntervalMs: defaultContactLineConfig.pollIntervalMs,
    });
    started = performance.now();
    await everything.start();
    check(await everything.caughtUp(3_600_000), 'the unfiltered follower did not catch up');
    const unfiltered = (performance.now() - started) / 1000;
    await everything.stop();

    say(
      `catch-up, every event read and filtered in memory (before): ${unfiltered.toFixed(1)} s (${Math.round(EVENTS / unfiltered).toLocaleString('en')} events/s of the log)`,
    );
    say(`catch-up, the 'employer' category followed (after):          ${filtered.toFixed(1)} s`);
  } finally {
    await db.close();
    await drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
