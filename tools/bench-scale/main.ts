/**
 * `npm run bench:scale`: a country's data on the PostgreSQL server at DATABASE_URL (BENCH_SCALE_PARTICIPANTS,
 * default 1,000), written through the command pipeline; the embedded platform projects it; then each read over HTTP
 * with realistic tokens, p50 and p99. Prints one table, the rates, and the process's peak RSS.
 * BENCH_SCALE_KEEP=1 keeps the databases (bench_scale_<n> and its _keys) for another look.
 */
import os from 'node:os';
import { Client } from 'pg';
import { openDatabase } from '@ips/runtime';
import { rebuildTeamViewReadModels } from '@ips/team-view';
import { ParticipantPlan } from './plan';
import { ProjectedCountry, freshDatabase, generateCountry, startOn } from './scale';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const PARTICIPANTS = Number(process.env.BENCH_SCALE_PARTICIPANTS ?? 1000);
const REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS ?? 50);
const SLOW_REQUESTS = Number(process.env.BENCH_SCALE_SLOW_REQUESTS ?? 20);

let peakRss = 0;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;

interface Read {
  readonly name: string;
  readonly path: string;
  readonly token: string;
  readonly requests: number;
}

async function measure(base: string, read: Read): Promise<{ p50: number; p99: number; bytes: number; n: number }> {
  const times: number[] = [];
  let bytes = 0;
  // One warm-up request (plans, caches), not counted.
  for (let i = 0; i <= read.requests; i++) {
    const t0 = process.hrtime.bigint();
    const response = await fetch(base + read.path, { headers: { authorization: `Bearer ${read.token}` } });
    const body = await response.text();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (response.status !== 200) throw new Error(`${read.name}: ${response.status} ${body.slice(0, 300)}`);
    if (i > 0) times.push(ms);
    bytes = body.length;
    sampleRss();
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  return { p50: at(0.5), p99: at(0.99), bytes, n: times.length };
}

/** A quarter that has data in every team: the last full quarter before the history's end. */
const lastFullQuarter = (end: string): string => {
  const [year, month] = end.split('-').map(Number) as [number, number];
  const q = Math.floor((month - 1) / 3); // current quarter index 0..3
  return q === 0 ? `${year - 1}-Q4` : `${year}-Q${q}`;
};

async function reads(country: ProjectedCountry): Promise<Read[]> {
  const { plan } = country.generated;
  const team = plan.teams[0];
  if (!team) throw new Error('no team');
  const specialist = team.specialists[0];
  if (!specialist) throw new Error('no specialist');
  // The participant of the first team with the longest history: the timeline read is the heaviest one.
  const longest = plan.participants.filter((p) => p.teamId === team.teamId).reduce<ParticipantPlan | null>((best, p) => (!best || p.steps.length > best.steps.length ? p : best), null);
  if (!longest) throw new Error('no participant');
  const owner = team.specialists.find((s) => s.sub === longest.specialist) ?? specialist;
  const quarter = lastFullQuarter(plan.end);
  const [specialistToken, ownerToken, supervisorToken, coordinatorToken] = await Promise.all(
    [specialist, owner, team.supervisor, plan.coordinator].map((actor) => country.token({ sub: actor.sub, agency: actor.agency, role: actor.role })),
  );
  return [
    { name: "a specialist's own caseload (scope=mine)", path: '/team-view/participants?scope=mine', token: specialistToken as string, requests: SLOW_REQUESTS },
    { name: "a supervisor's list (scope=all)", path: '/team-view/participants?scope=all', token: supervisorToken as string, requests: SLOW_REQUESTS },
    { name: "a team's board (supervisor)", path: `/team-view/board?team=${team.teamId}`, token: supervisorToken as string, requests: SLOW_REQUESTS },
    { name: "one participant's summary", path: `/team-view/participants/${longest.participantId}`, token: ownerToken as string, requests: REQUESTS },
    { name: `one timeline (${longest.steps.length} commands)`, path: `/team-view/participants/${longest.participantId}/timeline`, token: ownerToken as string, requests: REQUESTS },
    { name: `a team's outcomes, ${quarter}`, path: `/team-view/outcomes?quarter=${quarter}&team=${team.teamId}`, token: supervisorToken as string, requests: REQUESTS },
    { name: `all teams' outcomes (coordinator), ${quarter}`, path: `/programme/outcomes?quarter=${quarter}`, token: coordinatorToken as string, requests: SLOW_REQUESTS },
  ];
}

async function main(): Promise<void> {
  const rssTimer = setInterval(sampleRss, 200);
  const machine = `${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''}, ${mb(os.totalmem())} RAM, ${os.type()} ${os.release()}, node ${process.version}`;
  const server = await serverVersion();
  console.log(`# bench:scale, ${PARTICIPANTS} participants | ${new Date().toISOString()} | ${machine} | PostgreSQL ${server || '?'} | load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const database = await freshDatabase(DATABASE_URL, String(PARTICIPANTS));
  let country: ProjectedCountry | undefined;
  try {
    const generated = await generateCountry({
      databaseUrl: database.url,
      participants: PARTICIPANTS,
      concurrency: Number(process.env.BENCH_SCALE_CONCURRENCY ?? 16),
      onProgress: (p) =>
        console.log(`  generating: ${p.participantsDone}/${p.participants} participants, ${p.events} events (${Math.round(p.events / p.seconds)}/s), ${p.outbox} shared, ${Math.round(p.seconds)} s`),
    });
    sampleRss();
    console.log(
      `generated: ${generated.plan.teams.length} teams, ${generated.participants} participants, ${generated.commands} commands, ${generated.events} events ` +
        `(${Math.round(generated.events / generated.seconds)} events/s, ${Math.round(generated.commands / generated.seconds)} commands/s), ` +
        `${generated.outbox} shared events in the outbox, ${generated.seconds.toFixed(1)} s, peak RSS so far ${mb(peakRss)}`,
    );
    country = await quietly(() => startOn(database.url, generated));
    const { projectionSeconds } = country;
    sampleRss();
    console.log(
      `projected: ${generated.outbox} shared events in ${country.projectionSeconds.toFixed(1)} s from platform start ` +
        `(${Math.round(generated.outbox / country.projectionSeconds)} events/s, relay → reactions + team directory + team view), peak RSS so far ${mb(peakRss)}`,
    );
    const base = country.platform.url.replace(/\/$/, '');
    let caseloadP99 = 0;
    console.log('');
    console.log(`| read (${PARTICIPANTS} participants) | requests | p50 ms | p99 ms | answer |`);
    console.log('|---|---:|---:|---:|---:|');
    for (const read of await reads(country)) {
      const result = await measure(base, read);
      if (read.path.includes('scope=mine')) caseloadP99 = result.p99;
      console.log(`| ${read.name} | ${result.n} | ${result.p50.toFixed(1)} | ${result.p99.toFixed(1)} | ${(result.bytes / 1024).toFixed(1)} KB |`);
    }
    sampleRss();
    await country.close();
    country = undefined;
    // The team view's rebuild (npm run rebuild:team-view) on the same database, the platform stopped.
    const db = await openDatabase({ databaseUrl: database.url, dataDir: '/nonexistent' });
    const rebuildStarted = Date.now();
    const rebuilt = await rebuildTeamViewReadModels(db).finally(() => db.close());
    const rebuildSeconds = (Date.now() - rebuildStarted) / 1000;
    sampleRss();
    console.log('');
    console.log(`rebuild (npm run rebuild:team-view): ${rebuilt} timeline events in ${rebuildSeconds.toFixed(1)} s`);
    console.log(`caseload_p99_ms=${caseloadP99.toFixed(1)}`);
    console.log(`projection_events_per_s=${Math.round(generated.outbox / projectionSeconds)}`);
    console.log(`rebuild_events_per_s=${Math.round(rebuilt / rebuildSeconds)}`);
    console.log(`load_average_1m=${os.loadavg()[0]?.toFixed(1)} (other work on the machine skews the figures)`);
    console.log(`peak_rss=${mb(peakRss)} (one process: generator, platform and HTTP client)`);
  } finally {
    clearInterval(rssTimer);
    await country?.close();
    if (process.env.BENCH_SCALE_KEEP !== '1') await database.drop();
  }
}

/** Nest's start-up route logs would bury the figures: dropped unless BENCH_SCALE_VERBOSE=1. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  if (process.env.BENCH_SCALE_VERBOSE === '1') return work();
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    String(chunk).includes('[Nest]') && String(chunk).includes('LOG') ? true : write(chunk, ...rest)) as typeof process.stdout.write;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}

async function serverVersion(): Promise<string> {
  const client = new Client({ connectionString: DATABASE_URL });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? '';
  } catch {
    return '';
  } finally {
    await client.end().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
