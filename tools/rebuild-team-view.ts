// npm run rebuild:team-view: rebuilds every read model of the team view from its timeline (decision 33), on the
// database the platform (or the team-view service) is configured with: DATA_DIR's embedded database or DATABASE_URL.
// Blue/green: on the PostgreSQL server the running service keeps answering from the old tables until the new ones are
// complete; the embedded database is one process's, so stop the platform first there. Interrupted, it resumes where it
// was on the next run. REBUILD_PAGE_SIZE sets the participants per transaction (500).
import { configFromEnv, openDatabase } from '@ips/runtime';
import { RebuildProgress, rebuildTeamView } from '@ips/team-view';

const duration = (seconds: number): string =>
  seconds >= 3600
    ? `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`
    : seconds >= 60
      ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`
      : `${Math.round(seconds)} s`;

function show(progress: RebuildProgress): void {
  const percent = progress.total > 0 ? ((100 * progress.done) / progress.total).toFixed(1) : '100.0';
  const left = progress.secondsLeft === null ? '?' : duration(progress.secondsLeft);
  const line = `${progress.resumed ? 'resumed: ' : ''}${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} events (${percent} %), ${progress.eventsPerSecond.toLocaleString('en')} events/s, about ${left} left`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(100)}`);
  else console.log(line);
}

async function main(): Promise<void> {
  const db = await openDatabase(configFromEnv());
  try {
    const pageSize = Number(process.env['REBUILD_PAGE_SIZE'] ?? 500);
    const result = await rebuildTeamView(db, { pageSize, onProgress: show });
    if (process.stdout.isTTY) process.stdout.write('\n');
    const rate = result.seconds > 0 ? Math.round(result.events / result.seconds) : result.events;
    console.log(
      `rebuilt the team view's read models from ${result.events.toLocaleString('en')} timeline events in ${duration(result.seconds)} (${rate.toLocaleString('en')} events/s)`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
