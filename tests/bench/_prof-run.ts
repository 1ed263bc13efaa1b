import autocannon from 'autocannon';
import { lineWorld, startPlatformProcess } from './embedded-platform-process';
(async () => {
  const mode = process.env['MODE'] ?? 'on';
  const platform = await startPlatformProcess(3981, {
    database: `ips_prof_${mode}_${Date.now()}`,
    env: { METRICS: 'off', TRACING: mode },
    nodeOptions: ['--cpu-prof', `--cpu-prof-dir=/tmp/prof-${mode}`],
  });
  const world = await lineWorld(platform);
  let n = 0;
  await autocannon({
    url: `${platform.base}/welfare-office/referrals`,
    method: 'POST',
    headers: { authorization: `Bearer ${world.caseworker}`, 'content-type': 'application/json' },
    connections: 32,
    duration: 10,
    overallRate: 400,
    requests: [
      {
        setupRequest: (r) => ({
          ...r,
          body: JSON.stringify({
            givenName: `Kari ${++n}`,
            familyName: 'Nordmann',
            birthDate: '1994-03-02',
            referredBy: 'DPS Lerkendal',
            confirmNotDuplicate: true,
          }),
        }),
      },
    ],
  });
  await platform.stop();
  process.exit(0);
})();
