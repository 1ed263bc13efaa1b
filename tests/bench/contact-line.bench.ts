/**
 * The employer 24/7 line under load: the embedded platform (`npm start`, PGlite in a fresh DATA_DIR, then
 * again on a fresh database on DATABASE_URL's server when it is set) in its own process, autocannon in this one, POST /employer/contact-requests
 * with an employer's token for one placement, BENCH_CONNECTIONS concurrent connections for BENCH_LINE_SECONDS.
 * Every 202 is a request stored in the employer's event store and routed by the on-call roster.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { cpuSeconds, call as callOn, lineWorld, startPlatformProcess } from './embedded-platform-process';

const SECONDS = Number(process.env['BENCH_LINE_SECONDS'] ?? 15);
/**
 * Requests in flight. A closed loop answers at most connections / latency: the line batches work across requests
 * (group commit, batched reads, subscriptions that settle 30 ms), so a request takes ~40 ms even on an idle
 * platform, and 32 connections could not show more than ~800 requests/s whatever the platform could do.
 */
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 48);
const PORT = Number(process.env['BENCH_PORT'] ?? 3999);
/** BENCH_RATE caps the load at so many requests/s (autocannon's overallRate): A/B comparisons of CPU per request. */
const RATE = process.env['BENCH_RATE'] ? Number(process.env['BENCH_RATE']) : undefined;
const base = `http://127.0.0.1:${PORT}`;
const call = (method: string, route: string, token: string, body?: object) => callOn(base, method, route, token, body);

async function main(): Promise<void> {
  // BENCH_LINE_ENGINES=server skips the PGlite run, =pglite the server's.
  const engines = process.env['BENCH_LINE_ENGINES'];
  if (engines !== 'server') await run(undefined);
  if (process.env['DATABASE_URL'] && engines !== 'pglite') await run(`ips_bench_line_${Date.now()}`);
}

async function run(database: string | undefined): Promise<void> {
  const platform = await startPlatformProcess(PORT, {
    ...(database ? { database } : {}),
    ...(process.env['BENCH_PROFILE'] ? { nodeOptions: ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] } : {}),
  });
  try {
    const { employer, body } = await lineWorld(platform);

    // The HTTP stack alone, for scale: the same POST with a body that fails validation (token verified, nothing stored).
    const ceiling = await autocannon({
      url: `${base}/employer/contact-requests`,
      method: 'POST',
      headers: { authorization: `Bearer ${employer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ placementId: 'not-a-uuid' }),
      connections: CONNECTIONS,
      duration: Math.min(SECONDS, 5),
    });
    const pid = platform.process.pid;
    const cpuBefore = cpuSeconds(pid);
    const mainBefore = cpuSeconds(pid, pid);
    const loadBefore = process.cpuUsage();
    const result = await autocannon({
      url: `${base}/employer/contact-requests`,
      method: 'POST',
      headers: { authorization: `Bearer ${employer}`, 'content-type': 'application/json' },
      body,
      connections: CONNECTIONS,
      duration: SECONDS,
      ...(RATE ? { overallRate: RATE } : {}),
    });
    // How far behind the load the contact line's read models are: one more request, then the employer's list
    // (projected in commit order) until it shows that request. Among the newest, not necessarily first: a request
    // of the load still in flight when it ended may be received a millisecond after this one.
    const loadEnded = Date.now();
    const { requestId: last } = await call('POST', '/employer/contact-requests', employer, JSON.parse(body));
    let caughtUpMs = -1;
    for (let tries = 0; tries < 600 && caughtUpMs < 0; tries++) {
      const { requests } = (await call('GET', '/employer/contact-requests?limit=100', employer)) as { requests: { requestId: string }[] };
      if (requests.some(({ requestId }) => requestId === last)) caughtUpMs = Date.now() - loadEnded;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const accepted = result['2xx'];
    const cpuAfter = cpuSeconds(pid);
    const mainAfter = cpuSeconds(pid, pid);
    const load = process.cpuUsage(loadBefore);
    const perRequest = (before: number | undefined, after: number | undefined) =>
      before === undefined || after === undefined ? undefined : ((after - before) * 1000) / (accepted + 1);
    const cpuPerRequest = perRequest(cpuBefore, cpuAfter);
    const mainPerRequest = perRequest(mainBefore, mainAfter);
    // autocannon's own CPU (this process, including the read-model polling after the load: a few requests).
    const loadPerRequest = (load.user + load.system) / 1000 / (accepted + 1);
    console.log(
      `\n# employer contact line, embedded platform (${database ? 'PostgreSQL server' : 'PGlite'}), autocannon ${CONNECTIONS} connections for ${SECONDS}s${RATE ? ` at ${RATE} requests/s` : ''}`,
    );
    console.log(`# ${new Date().toISOString()} | ${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''} | node ${process.version}`);
    console.log('| measure | value |');
    console.log('|---|---:|');
    console.log(`| requests answered 202 | ${accepted} (non-2xx: ${result.non2xx}, errors: ${result.errors}, timeouts: ${result.timeouts}) |`);
    console.log(`| sustained requests/s (mean) | ${Math.round(result.requests.average)} |`);
    console.log(`| latency p50 / p99 / max | ${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms |`);
    console.log(`| the contact line's read models caught up after the load | ${caughtUpMs < 0 ? 'not within 60 s' : `${caughtUpMs} ms`} |`);
    if (cpuPerRequest !== undefined && mainPerRequest !== undefined) {
      console.log(`| the platform's CPU time per request, all threads, load and catch-up | ${cpuPerRequest.toFixed(2)} ms |`);
      console.log(`| of which its main thread (HTTP, the application${database ? '' : ', PGlite'}) | ${mainPerRequest.toFixed(2)} ms |`);
      console.log(`| the load generator's CPU time per request | ${loadPerRequest.toFixed(2)} ms |`);
      // What 1,000 requests/s would take of this machine at these costs, whatever the threads: the CPU budget. On a
      // server, its own processes' CPU comes on top (not counted here).
      const budget = (cpuPerRequest + loadPerRequest) / os.cpus().length;
      const besides = database ? ', the PostgreSQL server not counted' : '';
      console.log(`| share of this machine's ${os.cpus().length} cores 1,000 requests/s would need at these costs${besides} | ${Math.round(budget * 100)} % |`);
    }
    console.log(
      `| for scale: the HTTP stack alone (token + validation, 400, nothing stored) | ${Math.round(ceiling.requests.average)}/s, p99 ${ceiling.latency.p99} ms |`,
    );
  } finally {
    await platform.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
