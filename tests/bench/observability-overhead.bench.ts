/**
 * What metrics and traces cost (issue 24): embedded platforms side by side, two with metrics and tracing on (spans made
 * and dropped: no exporter) and two with both off, under the same loads in rotating rounds, so all see the same machine:
 * the employer line (POST /employer/contact-requests) and a command (POST /welfare-office/referrals, a new participant
 * each), at a fixed rate. Each cell: requests/s and the platforms' CPU time per request (all their threads).
 * BENCH_OVERHEAD_SECONDS a load (6), BENCH_OVERHEAD_ROUNDS (4), BENCH_OVERHEAD_RATE (400; 0: as fast as it goes),
 * BENCH_CONNECTIONS (32), BENCH_OVERHEAD_ON (`metrics,tracing`; `metrics`, `tracing`, or `none` for an A/A run); the
 * standard OTEL_TRACES_SAMPLER(_ARG) reach the platforms. On DATABASE_URL's server when set (a fresh database each),
 * else PGlite.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { CommandPipeline } from '@ips/command-pipeline';
import { ContractRegistry } from '@ips/contracts';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { ServiceMetrics, startTracing, stopTracing } from '@ips/observability';
import { PersonalData, PostgresKeyStore } from '@ips/personal-data';
import { PgDriver, PgliteDriver, SqlDriver } from '@ips/postgres';
import { PlatformProcess, cpuSeconds, lineWorld, startPlatformProcess } from './embedded-platform-process';
import { PipelineCell, measurePipeline } from './pipeline-load';

const SECONDS = Number(process.env['BENCH_OVERHEAD_SECONDS'] ?? 6);
const ROUNDS = Number(process.env['BENCH_OVERHEAD_ROUNDS'] ?? 4);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const PORT = Number(process.env['BENCH_PORT'] ?? 3990);
/**
 * The load's rate (autocannon's overallRate), below what either platform can answer, so both do the same work each
 * second and the CPU time per request compares what a request costs, not how a saturated machine shares its 2 cores.
 */
const RATE = Number(process.env['BENCH_OVERHEAD_RATE'] ?? 400);

/** BENCH_OVERHEAD_ON=metrics or =tracing turns on only that one, to see which costs what. */
const ON = process.env['BENCH_OVERHEAD_ON'] ?? 'metrics,tracing';
const MODES = {
  off: { METRICS: 'off', TRACING: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: '' },
  on: { METRICS: ON.includes('metrics') ? 'on' : 'off', TRACING: ON.includes('tracing') ? 'on' : 'off', OTEL_EXPORTER_OTLP_ENDPOINT: '' },
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
    ...(RATE > 0 ? { overallRate: RATE } : {}),
    requests: [{ setupRequest: (request) => ({ ...request, body: load.body() }) }],
  });
  return { requests: result['2xx'], seconds: SECONDS, cpu: (cpuSeconds(pid) ?? 0) - before, failed: result.non2xx + result.errors + result.timeouts };
}

/**
 * Two platforms of each mode (off, on, on, off): an A/A run of this bench (BENCH_OVERHEAD_ON=none) showed one platform
 * process 4-5 % cheaper than another of the same mode, so each mode's figure is the sum over two processes.
 */
const LINE_UP: readonly Mode[] = ['off', 'on', 'on', 'off'];

/**
 * The command pipeline in this one process (8 writers, a participant each), its metrics (the pipeline's and the event
 * store's observers) and tracing (command and append spans) switched on and off between rounds: the same process, so no
 * difference between processes (see LINE_UP) hides a small cost.
 */
async function pipelineInOneProcess(): Promise<void> {
  const server = process.env['DATABASE_URL'];
  let driver: SqlDriver;
  const database = `ips_bench_overhead_pipeline_${Date.now()}`;
  if (server) {
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database "${database}"`);
    await admin.end();
    driver = new PgDriver({ connectionString: Object.assign(new URL(server), { pathname: `/${database}` }).toString(), max: 10 });
  } else {
    driver = await PgliteDriver.open();
  }
  try {
    const metrics = new ServiceMetrics('bench');
    const personal = new PersonalData(await PostgresKeyStore.open(driver));
    const pipelines = {
      off: new CommandPipeline(await PostgresEventStore.open(driver), personal, { registry: new ContractRegistry([]) }),
      on: new CommandPipeline(await PostgresEventStore.open(driver, { observer: metrics }), personal, { registry: new ContractRegistry([]) }).observedBy(
        metrics,
      ),
    };
    const cell = { writers: 8, seconds: SECONDS, oneStream: false };
    await measurePipeline(pipelines.off, cell); // warm-up: schema, pools, plans
    const sums: Record<Mode, { commands: number; seconds: number; cpu: number; failed: number }> = {
      off: { commands: 0, seconds: 0, cpu: 0, failed: 0 },
      on: { commands: 0, seconds: 0, cpu: 0, failed: 0 },
    };
    for (let round = 0; round < ROUNDS * 2; round++) {
      for (const mode of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        if (mode === 'on' && ON.includes('tracing')) startTracing({ enabled: true }, 'bench');
        const measured: PipelineCell = await measurePipeline(ON.includes('metrics') || mode === 'off' ? pipelines[mode] : pipelines.off, cell);
        await stopTracing();
        const sum = sums[mode];
        sum.commands += measured.commands;
        sum.seconds += measured.commands / measured.perSecond;
        sum.cpu += measured.cpuSeconds;
        sum.failed += measured.failed;
      }
    }
    metrics.close();
    console.log(
      `\n# the command pipeline in one process, ${ON.replace(',', ' and ')} on (no exporter) against off, switched between ${ROUNDS * 2} rounds of ${SECONDS}s each, 8 writers, ${server ? 'PostgreSQL server' : 'PGlite'}`,
    );
    console.log(`# ${new Date().toISOString()} | ${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''} | node ${process.version}`);
    console.log('| load | off: commands/s | on: commands/s | on vs off | off: CPU µs/command | on: CPU µs/command | on vs off | failed (off/on) |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    const rate = (m: Mode) => sums[m].commands / sums[m].seconds;
    const cpu = (m: Mode) => (sums[m].cpu * 1e6) / Math.max(1, sums[m].commands);
    const change = (a: number, b: number) => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)} %`;
    console.log(
      `| commands (read, fold, decide, append) | ${Math.round(rate('off'))} | ${Math.round(rate('on'))} | ${change(rate('off'), rate('on'))} | ${cpu('off').toFixed(0)} | ${cpu('on').toFixed(0)} | ${change(cpu('off'), cpu('on'))} | ${sums.off.failed}/${sums.on.failed} |`,
    );
  } finally {
    await driver.close();
    if (server) {
      const admin = new Client({ connectionString: server });
      await admin.connect();
      await admin.query(`drop database if exists "${database}" with (force)`);
      await admin.end();
    }
  }
}

async function main(): Promise<void> {
  await pipelineInOneProcess();
  if (process.env['BENCH_OVERHEAD_HTTP'] === 'off') return;
  const server = Boolean(process.env['DATABASE_URL']);
  const stamp = Date.now();
  const platforms: { mode: Mode; platform: PlatformProcess; loads: Load[] }[] = [];
  try {
    for (const [index, mode] of LINE_UP.entries()) {
      const platform = await startPlatformProcess(PORT + index, {
        env: { ...MODES[mode] },
        ...(server ? { database: `ips_bench_overhead_${index}_${stamp}` } : {}),
      });
      const world = await lineWorld(platform);
      let n = 0;
      platforms.push({
        mode,
        platform,
        loads: [
          { name: 'the employer line: POST /employer/contact-requests', route: '/employer/contact-requests', token: world.employer, body: () => world.body },
          {
            name: 'a command: POST /welfare-office/referrals',
            route: '/welfare-office/referrals',
            token: world.caseworker,
            body: () =>
              JSON.stringify({
                givenName: `Kari ${++n}`,
                familyName: 'Nordmann',
                birthDate: '1994-03-02',
                referredBy: 'DPS Lerkendal',
                confirmNotDuplicate: true,
              }),
          },
        ],
      });
    }
    const names = (platforms[0] as { loads: Load[] }).loads.map((load) => load.name);
    const tallies = new Map<string, Tally>();
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate who goes first, so no platform always meets a machine warmed (or tired) by the others.
      const order = platforms.map((_, i) => platforms[(i + round) % platforms.length] as (typeof platforms)[number]);
      for (let l = 0; l < names.length; l++) {
        for (const { mode, platform, loads } of order) {
          const tally = await measure(platform, loads[l] as Load);
          const key = `${l}:${mode}`;
          const sum = tallies.get(key) ?? { requests: 0, seconds: 0, cpu: 0, failed: 0 };
          tallies.set(key, {
            requests: sum.requests + tally.requests,
            seconds: sum.seconds + tally.seconds,
            cpu: sum.cpu + tally.cpu,
            failed: sum.failed + tally.failed,
          });
        }
      }
    }
    const sampler = process.env['OTEL_TRACES_SAMPLER']
      ? `, OTEL_TRACES_SAMPLER=${process.env['OTEL_TRACES_SAMPLER']}${process.env['OTEL_TRACES_SAMPLER_ARG'] ? ` (${process.env['OTEL_TRACES_SAMPLER_ARG']})` : ''}`
      : '';
    console.log(
      `\n# ${ON.replace(',', ' and ')} on (no exporter${sampler}) against off, embedded platform on ${server ? 'a PostgreSQL server' : 'PGlite'}, two processes a mode, ${ROUNDS} rounds of ${SECONDS}s a load each, ${CONNECTIONS} connections${RATE > 0 ? ` at ${RATE} requests/s` : ''}`,
    );
    console.log(`# ${new Date().toISOString()} | ${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''} | node ${process.version}`);
    console.log('| load | off: requests/s | on: requests/s | on vs off | off: CPU ms/request | on: CPU ms/request | on vs off | failed (off/on) |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    names.forEach((name, l) => {
      const off = tallies.get(`${l}:off`) as Tally;
      const on = tallies.get(`${l}:on`) as Tally;
      const rate = (t: Tally) => t.requests / t.seconds;
      const cpu = (t: Tally) => (t.cpu * 1000) / Math.max(1, t.requests);
      const change = (a: number, b: number) => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)} %`;
      console.log(
        `| ${name} | ${Math.round(rate(off))} | ${Math.round(rate(on))} | ${change(rate(off), rate(on))} | ${cpu(off).toFixed(2)} | ${cpu(on).toFixed(2)} | ${change(cpu(off), cpu(on))} | ${off.failed}/${on.failed} |`,
      );
    });
  } finally {
    for (const { platform } of platforms) await platform.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
