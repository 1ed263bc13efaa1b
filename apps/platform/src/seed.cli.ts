import { configFromEnv, markDemoTeam } from '@ips/runtime';
import { startPlatform } from './platform';
import { seedDemoTeam } from './seed/demo-team.seed';
import { httpSend } from './seed/http-send';

/**
 * `npm run seed`: the demo team, through the platform's HTTP API. Uses the platform running on PORT if one
 * answers there (same DATA_DIR, for the token key); otherwise starts the embedded platform on DATA_DIR itself.
 * Refuses a data directory that has participants already, so a second run does not double the team. Once the team
 * is in, marks the data directory as the demo team's (DATA_DIR/demo-team.json), which turns the web app's demo
 * sign-in on, for a running platform at once (unless it runs with DEMO_SIGN_IN=off).
 */
async function main(): Promise<void> {
  const config = configFromEnv();
  const running = `http://127.0.0.1:${config.port}`;
  const up = await fetch(`${running}/health`).then((answer) => answer.ok, () => false);
  const platform = up ? null : await startPlatform({ ...config, port: 0 });
  const baseUrl = platform?.url ?? running;
  try {
    const send = await httpSend(baseUrl, config.dataDir);
    const existing = (await send({ sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' }, 'GET', '/team-view/participants?scope=all')) as { participants: unknown[] };
    if (existing.participants.length > 0 && !process.argv.includes('--force')) {
      process.stderr.write(
        `${config.dataDir} has ${existing.participants.length} participants already; not seeding (--force to add the team again; ` +
          'DEMO_SIGN_IN=on turns the demo sign-in on without seeding)\n',
      );
      process.exitCode = 1;
      return;
    }
    const started = Date.now();
    const counts = await seedDemoTeam(send);
    await platform?.settled();
    await markDemoTeam(config.dataDir, { participants: counts.participants, employers: counts.employers });
    const demoSignIn = up
      ? await fetch(`${running}/auth/config`)
          .then(async (answer) => ((await answer.json()) as { demoSignIn?: boolean }).demoSignIn === true)
          .catch(() => false)
      : config.demoSignIn !== 'off';
    process.stdout.write(
      `seeded ${up ? running : config.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.participants} participants ` +
        `(${Object.entries(counts.byPhase).map(([phase, n]) => `${n} ${phase}`).join(', ')}), ${counts.employers} employers, ` +
        `${counts.placements} placements, ${counts.relapseFlags} relapse flags, ${counts.contactRequests} contact-line requests; ` +
        (demoSignIn ? 'the demo sign-in is on\n' : 'the demo sign-in stays off while the platform runs with DEMO_SIGN_IN=off\n'),
    );
  } finally {
    await platform?.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
