import { configFromEnv } from '@ips/runtime';
import { startPlatform } from './platform';
import { seedDemoTeam } from './seed/demo-team.seed';
import { httpSend } from './seed/http-send';

/**
 * `npm run seed`: the demo team, through the platform's HTTP API. Uses the platform running on PORT if one
 * answers there (same DATA_DIR, for the token key); otherwise starts the embedded platform on DATA_DIR itself.
 * Refuses a data directory that has participants already, so a second run does not double the team.
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
      process.stderr.write(`${config.dataDir} has ${existing.participants.length} participants already; not seeding (--force to add the team again)\n`);
      process.exitCode = 1;
      return;
    }
    const started = Date.now();
    const counts = await seedDemoTeam(send);
    await platform?.settled();
    process.stdout.write(
      `seeded ${up ? running : config.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.participants} participants ` +
        `(${Object.entries(counts.byPhase).map(([phase, n]) => `${n} ${phase}`).join(', ')}), ${counts.employers} employers, ` +
        `${counts.placements} placements, ${counts.relapseFlags} relapse flags, ${counts.contactRequests} contact-line requests\n`,
    );
  } finally {
    await platform?.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
