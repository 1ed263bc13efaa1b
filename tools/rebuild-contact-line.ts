// npm run rebuild:contact-line: rebuilds the employer's 24/7 contact line's read models (placements, teams, employers,
// requests, due escalations) from the employer's events (decision 37), on the database the platform (or the employer
// service) is configured with: DATA_DIR's embedded database or DATABASE_URL, with its events there or in KurrentDB
// (EVENT_STORE=kurrentdb). Blue/green: on the PostgreSQL server the running line keeps answering from its tables until
// the new ones are complete; the embedded database is one process's, so stop the platform first there. Interrupted, it
// resumes where it was on the next run. REBUILD_PAGE_SIZE sets the events read per transaction (5,000).
import { KurrentDbEventStore } from '@ips/event-store/kurrentdb';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { ContactLineRebuildProgress, employerEventPages, rebuildContactLine } from '@ips/employer/feature';
import { configFromEnv, openDatabase } from '@ips/runtime';

const duration = (seconds: number): string =>
  seconds >= 3600
    ? `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`
    : seconds >= 60
      ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`
      : `${Math.round(seconds)} s`;

function show(progress: ContactLineRebuildProgress): void {
  const of = progress.total === null ? '' : ` of ${progress.total.toLocaleString('en')}`;
  const percent = progress.total === null ? '' : ` (${progress.total > 0 ? ((100 * progress.done) / progress.total).toFixed(1) : '100.0'} %)`;
  const left = progress.secondsLeft === null ? '?' : duration(progress.secondsLeft);
  const line = `${progress.resumed ? 'resumed: ' : ''}${progress.done.toLocaleString('en')}${of} employer events${percent}, ${progress.eventsPerSecond.toLocaleString('en')} events/s, about ${left} left`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(100)}`);
  else console.log(line);
}

async function main(): Promise<void> {
  const config = configFromEnv();
  const db = await openDatabase(config);
  const store = config.eventStore?.kind === 'kurrentdb' ? KurrentDbEventStore.connect(config.eventStore.url) : await PostgresEventStore.open(db);
  try {
    const pageSize = Number(process.env['REBUILD_PAGE_SIZE'] ?? 5_000);
    const result = await rebuildContactLine(db, employerEventPages(store), { pageSize, onProgress: show });
    if (process.stdout.isTTY) process.stdout.write('\n');
    const rate = result.seconds > 0 ? Math.round(result.events / result.seconds) : result.events;
    console.log(
      `rebuilt the contact line's read models from ${result.events.toLocaleString('en')} employer events in ${duration(result.seconds)} (${rate.toLocaleString('en')} events/s)`,
    );
  } finally {
    if (store instanceof KurrentDbEventStore) await store.close();
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
