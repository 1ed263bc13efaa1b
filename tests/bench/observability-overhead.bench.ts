/**
 * What metrics and traces cost (issue 24): two embedded platforms side by side, one with metrics and tracing on (spans
 * made and dropped: no exporter) and one with both off, under the same loads in alternating rounds, so both see the
 * same machine: the employer line (POST /employer/contact-requests) and a command (POST /welfare-office/referrals,
 * a new participant each). Each cell: requests/s and the platform's CPU time per request (all its threads).
 * BENCH_OVERHEAD_SECONDS a load (10), BENCH_OVERHEAD_ROUNDS (3), BENCH_CONNECTIONS (32); on DATABASE_URL's server when
 * set (a fresh database each), else PGlite.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { PlatformProcess, cpuSeconds, lineWorld, startPlatformProcess } from './embedded-platform-process';

const SECONDS = Number(process.env['BENCH_OVERHEAD_SECONDS'] ?? 10);
const ROUNDS = Number(process.env['BENCH_OVERHEAD_ROUNDS'] ?? 3);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const PORT = Number(process.env['BENCH_PORT'] ?? 3990);

const MODES = {
  off: { METRICS: 'off', TRACING: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: '' },
  on: { METRICS: 'on', TRACING: 'on', OTEL_EXPORTER_OTLP_ENDPOINT: '' },
} as const;
type Mode = keyof typeof MODES;

interface Load {
  readonly name: string;
  readonly route: string;
  readonly token: string;
  readonly body: () => string;
}

interface Tally {
  requests: number;
  seconds: number;
  cpu: number;
  failed: number;
}

async function measure(platform: PlatformProcess, load: Load): Promise<Tally> {
  const pid = platform.process.pid;
  const before = cpuSeconds(pid) ?? 0;
  const result = await autocannon({
    url: `${platform.base}${load.route}`,
    method: 'POST',
    headers: { authorization: `Bearer ${load.token}`, 'content-type': 'application/json' },
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ setupRequest: (request) => ({ ...request, body: load.body() }) }],
  });
  return { requests: result['2xx'], seconds: SECONDS, cpu: (cpuSeconds(pid) ?? 0) - before, failed: result.non2xx + result.errors + result.timeouts };
}

async function main(): Promise<void> {
  const server = Boolean(process.env['DATABASE_URL']);
  const stamp = Date.now();
  const platforms = {} as Record<Mode, PlatformProcess>;
  const loads = {} as Record<Mode, Load[]>;
  try {
    for (const [index, mode] of (['off', 'on'] as const).entries()) {
      const platform = await startPlatformProcess(PORT + index, { env: { ...MODES[mode] }, ...(server ? { database: `ips_bench_overhead_${mode}_${stamp}` } : {}) });
      platforms[mode] = platform;
      const world = await lineWorld(platform);
      let n = 0;
      loads[mode] = [
        { name: 'the employer line: POST /employer/contact-requests', route: '/employer/contact-requests', token: world.employer, body: () => world.body },
        {
          name: 'a command: POST /welfare-office/referrals',
          route: '/welfare-office/referrals',
          token: world.caseworker,
          body: () => JSON.stringify({ givenName: `Kari ${++n}`, familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal', confirmNotDuplicate: true }),
        },
      ];
    }
    const tallies = new Map<string, Tally>();
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so neither always meets a machine warmed (or tired) by the other.
      const order: Mode[] = round % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
      for (let l = 0; l < loads.off.length; l++) {
        for (const mode of order) {
          const load = loads[mode][l] as Load;
          const tally = await measure(platforms[mode], load);
          const key = `${l}:${mode}`;
          const sum = tallies.get(key) ?? { requests: 0, seconds: 0, cpu: 0, failed: 0 };
          tallies.set(key, { requests: sum.requests + tally.requests, seconds: sum.seconds + tally.seconds, cpu: sum.cpu + tally.cpu, failed: sum.failed + tally.failed });
        }
      }
    }
    console.log(`\n# metrics and tracing on (no exporter) against off, embedded platform on ${server ? 'a PostgreSQL server' : 'PGlite'}, ${ROUNDS} rounds of ${SECONDS}s a load, ${CONNECTIONS} connections`);
    console.log(`# ${new Date().toISOString()} | ${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''} | node ${process.version}`);
    console.log('| load | off: requests/s | on: requests/s | on vs off | off: CPU ms/request | on: CPU ms/request | on vs off | failed (off/on) |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    loads.off.forEach((load, l) => {
      const off = tallies.get(`${l}:off`) as Tally;
      const on = tallies.get(`${l}:on`) as Tally;
      const rate = (t: Tally) => t.requests / t.seconds;
      const cpu = (t: Tally) => (t.cpu * 1000) / Math.max(1, t.requests);
      const change = (a: number, b: number) => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)} %`;
      console.log(
        `| ${load.name} | ${Math.round(rate(off))} | ${Math.round(rate(on))} | ${change(rate(off), rate(on))} | ${cpu(off).toFixed(2)} | ${cpu(on).toFixed(2)} | ${change(cpu(off), cpu(on))} | ${off.failed}/${on.failed} |`,
      );
    });
  } finally {
    for (const platform of Object.values(platforms)) await platform.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
