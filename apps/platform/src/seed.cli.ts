import { configFromEnv, markDemoTeam } from '@ips/runtime';
import { startPlatform } from './platform';
import { seedDemoTeam } from './seed/demo-team.seed';
import { httpSend } from './seed/http-send';
import { SeedClock } from './seed/seed-clock';

/**
 * `npm run seed`: the demo teams' last year, through the platform's HTTP API. Starts the embedded platform on DATA_DIR
 * itself, with a clock the seed moves: each step is stamped on the day it happened, so the reports show a year. A
 * platform already answering on PORT keeps its own clock, so the seed refuses to write into it (stop it first).
 * Refuses a data directory that has participants already, so a second run does not double the team. Once the team
 * is in, marks the data directory as the demo team's (DATA_DIR/demo-team.json), which turns the web app's demo
 * sign-in on the next time the platform starts (unless it runs with DEMO_SIGN_IN=off).
 */
async function main(): Promise<void> {
  const config = configFromEnv();
  const running = `http://127.0.0.1:${config.port}`;
  if (
    await fetch(`${running}/health`).then(
      (answer) => answer.ok,
      () => false,
    )
  ) {
    process.stderr.write(
      `a platform answers on ${running}: stop the platform (npm start) first: the seed writes a year of history with its own clock, ` +
        'which it cannot move in a running platform\n',
    );
    process.exitCode = 1;
    return;
  }
  const clock = new SeedClock();
  const platform = await startPlatform({ ...config, port: 0 }, clock);
  try {
    const send = await httpSend(platform.url, config.dataDir);
    const existing = (await send({ sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' }, 'GET', '/team-view/participants?scope=all')) as {
      participants: unknown[];
    };
    if (existing.participants.length > 0 && !process.argv.includes('--force')) {
      process.stderr.write(
        `${config.dataDir} has ${existing.participants.length} participants already; not seeding (--force to add the team again; ` +
          'DEMO_SIGN_IN=on turns the demo sign-in on without seeding)\n',
      );
      process.exitCode = 1;
      return;
    }
    const started = Date.now();
    const counts = await seedDemoTeam(send, new Date(), clock);
    await platform.settled();
    clock.follow();
    await markDemoTeam(config.dataDir, { participants: counts.participants, employers: counts.employers });
    process.stdout.write(
      `seeded ${config.dataDir} with the year from ${counts.firstDay} in ${((Date.now() - started) / 1000).toFixed(1)} s (${counts.requests} requests): ` +
        `${counts.participants} participants (${Object.entries(counts.byPhase)
          .map(([phase, n]) => `${n} ${phase}`)
          .join(', ')}), ${counts.employers} employers, ` +
        `${counts.placements} job starts (${counts.placementsEnded} ended), ${counts.relapseFlags} relapse flags standing (${counts.relapseFlagsCleared} cleared), ` +
        `${counts.contactRequests} contact-line requests; ` +
        (config.demoSignIn !== 'off'
          ? 'npm start, and the demo sign-in is on\n'
          : 'the demo sign-in stays off while the platform runs with DEMO_SIGN_IN=off\n'),
    );
  } finally {
    await platform.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
