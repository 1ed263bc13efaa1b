/**
 * The employer 24/7 line under load: the embedded platform (`npm start`, PGlite in a fresh DATA_DIR, then
 * again on a fresh database on DATABASE_URL's server when it is set) in its own process, autocannon in this one, POST /employer/contact-requests
 * with an employer's token for one placement, BENCH_CONNECTIONS concurrent connections for BENCH_LINE_SECONDS.
 * Every 202 is a request stored in the employer's event store and routed by the on-call roster.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { TokenClaims, issueToken, loadOrCreateSigningKey } from '@ips/access';

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

async function call(method: string, route: string, token: string, body?: object): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status >= 300) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}

async function waitForHealth(child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('the platform exited');
    const ok = await fetch(`${base}/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the platform did not become healthy');
}

/**
 * CPU seconds a process has used (user + system, all its threads), from /proc (Linux; undefined elsewhere). Clock
 * ticks are 1/100 s on Linux. Steadier than requests/s on a shared machine: what one request costs, not how fast.
 * With `thread`, that thread's only (the main thread's id is the process's): the one JavaScript and PGlite run on.
 */
function cpuSeconds(pid: number | undefined, thread?: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/${thread === undefined ? '' : `task/${thread}/`}stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  // BENCH_LINE_ENGINES=server skips the PGlite run, =pglite the server's.
  const engines = process.env['BENCH_LINE_ENGINES'];
  if (engines !== 'server') await run(undefined);
  const server = process.env['DATABASE_URL'];
  if (server && engines !== 'pglite') {
    const url = new URL(server);
    url.pathname = `/ips_bench_line_${Date.now()}`;
    await run(url.toString());
    const admin = new Client({ connectionString: server });
    await admin.connect();
    // The platform keeps its participants' data keys in a database of their own beside it (`<name>_keys`).
    for (const name of [url.pathname.slice(1), `${url.pathname.slice(1)}_keys`]) await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function run(databaseUrl: string | undefined): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-bench-line-'));
  const platform = spawn(process.execPath, [...(process.env['BENCH_PROFILE'] ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), '-r', './tools/register.js', 'apps/platform/src/main.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', CONTACT_LINE_REQUESTS_PER_MINUTE: '100000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(platform);
    const key = await loadOrCreateSigningKey(dataDir);
    const token = (claims: TokenClaims) => issueToken(key, claims);
    const caseworker = await token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
    const supervisor = await token({ sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' });
    const specialist = await token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    const { participantId } = await call('POST', '/welfare-office/referrals', caseworker, { givenName: 'Ola', familyName: 'Nordmann', birthDate: '1990-05-01', referredBy: 'self' });
    await call('POST', `/welfare-office/participants/${participantId}/enrolment`, caseworker, { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the employer service notes the enrolment from the bus
    const { employerId } = await call('POST', '/employer/employers', specialist, { name: 'Nidar AS', organisationNumber: '912345678' });
    const today = new Date().toISOString().slice(0, 10);
    const { placementId } = await call('POST', '/employer/placements', specialist, { participantId, employerId, jobTitle: 'Packer', startDate: today, hoursPerWeek: 20, hourlyWage: 230 });
    const { teamId } = await call('PUT', `/employer/on-call/teams/${crypto.randomUUID()}`, supervisor, { name: 'IPS bench', timeZone: 'UTC', employmentSpecialistIds: ['es-ingrid'] });
    const local = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);
    await call('POST', `/employer/on-call/teams/${teamId}/shifts`, supervisor, { workerId: 'es-ingrid', role: 'employment-specialist', from: local(-3_600_000), to: local(3 * 3_600_000) });
    const employer = await token({ sub: 'hr-kari', agency: 'employer', role: 'employer', employerId: employerId as string });
    const body = JSON.stringify({ placementId, message: 'Ola did not come in today and does not answer the phone.', urgency: 'routine', callbackPhone: '+4791234567' });
    await call('POST', '/employer/contact-requests', employer, JSON.parse(body)); // warm the directories

    // The HTTP stack alone, for scale: the same POST with a body that fails validation (token verified, nothing stored).
    const ceiling = await autocannon({
      url: `${base}/employer/contact-requests`,
      method: 'POST',
      headers: { authorization: `Bearer ${employer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ placementId: 'not-a-uuid' }),
      connections: CONNECTIONS,
      duration: Math.min(SECONDS, 5),
    });
    const cpuBefore = cpuSeconds(platform.pid);
    const mainBefore = cpuSeconds(platform.pid, platform.pid);
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
    const cpuAfter = cpuSeconds(platform.pid);
    const mainAfter = cpuSeconds(platform.pid, platform.pid);
    const load = process.cpuUsage(loadBefore);
    const perRequest = (before: number | undefined, after: number | undefined) =>
      before === undefined || after === undefined ? undefined : ((after - before) * 1000) / (accepted + 1);
    const cpuPerRequest = perRequest(cpuBefore, cpuAfter);
    const mainPerRequest = perRequest(mainBefore, mainAfter);
    // autocannon's own CPU (this process, including the read-model polling after the load: a few requests).
    const loadPerRequest = (load.user + load.system) / 1000 / (accepted + 1);
    console.log(`\n# employer contact line, embedded platform (${databaseUrl ? 'PostgreSQL server' : 'PGlite'}), autocannon ${CONNECTIONS} connections for ${SECONDS}s${RATE ? ` at ${RATE} requests/s` : ''}`);
    console.log(`# ${new Date().toISOString()} | ${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''} | node ${process.version}`);
    console.log('| measure | value |');
    console.log('|---|---:|');
    console.log(`| requests answered 202 | ${accepted} (non-2xx: ${result.non2xx}, errors: ${result.errors}, timeouts: ${result.timeouts}) |`);
    console.log(`| sustained requests/s (mean) | ${Math.round(result.requests.average)} |`);
    console.log(`| latency p50 / p99 / max | ${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms |`);
    console.log(`| the contact line's read models caught up after the load | ${caughtUpMs < 0 ? 'not within 60 s' : `${caughtUpMs} ms`} |`);
    if (cpuPerRequest !== undefined && mainPerRequest !== undefined) {
      console.log(`| the platform's CPU time per request, all threads, load and catch-up | ${cpuPerRequest.toFixed(2)} ms |`);
      console.log(`| of which its main thread (HTTP, the application${databaseUrl ? '' : ', PGlite'}) | ${mainPerRequest.toFixed(2)} ms |`);
      console.log(`| the load generator's CPU time per request | ${loadPerRequest.toFixed(2)} ms |`);
      // What 1,000 requests/s would take of this machine at these costs, whatever the threads: the CPU budget. On a
      // server, its own processes' CPU comes on top (not counted here).
      const budget = (cpuPerRequest + loadPerRequest) / os.cpus().length;
      const besides = databaseUrl ? ', the PostgreSQL server not counted' : '';
      console.log(`| share of this machine's ${os.cpus().length} cores 1,000 requests/s would need at these costs${besides} | ${Math.round(budget * 100)} % |`);
    }
    console.log(`| for scale: the HTTP stack alone (token + validation, 400, nothing stored) | ${Math.round(ceiling.requests.average)}/s, p99 ${ceiling.latency.p99} ms |`);
  } finally {
    platform.kill('SIGTERM');
    await new Promise((resolve) => platform.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
