/**
 * `npm run bench:scale`: a country's data on the PostgreSQL server at DATABASE_URL, at 1,000 participants and at
 * BENCH_SCALE_PARTICIPANTS (default 100,000): written through the real append (generate.ts: deciders, sealing,
 * outbox; no HTTP), projected in bulk and the team view's read models rebuilt (project.ts), then each read over HTTP
 * with realistic tokens against the embedded platform in a process of its own, p50 and p99. Prints one table (both
 * sizes and the ratio of the p99s), the generation, projection and rebuild rates, the peak RSS of every process, and
 * the lines `scale_ratio_caseload=` and `rebuild_events_per_s=`.
 *
 * BENCH_SCALE_KEEP=1 keeps the databases (bench_scale_<n> and its _keys); BENCH_SCALE_WORKERS (2) and
 * BENCH_SCALE_CONCURRENCY (400 participants in flight per worker) tune generation; BENCH_SCALE_SMALL (1000) is the
 * small size; BENCH_SCALE_REQUESTS / BENCH_SCALE_SLOW_REQUESTS the requests per read.
 */
import os from 'node:os';
import { Client } from 'pg';
import { TokenClaims } from '@ips/access';
import { peakRssOfThisProcess, runChild } from './child';
import { CountryPlan, ParticipantPlan } from './plan';
import type { ProjectionResult } from './project';
import type { RebuildOutcome } from './project-worker';
import { GenerateResult, freshDatabase, generateCountry, startPlatformProcess } from './scale';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const LARGE = Number(process.env.BENCH_SCALE_PARTICIPANTS ?? 100_000);
const SMALL = Math.min(LARGE, Number(process.env.BENCH_SCALE_SMALL ?? 1000));
const REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS ?? 100);
const SLOW_REQUESTS = Number(process.env.BENCH_SCALE_SLOW_REQUESTS ?? 30);
const WORKERS = Number(process.env.BENCH_SCALE_WORKERS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_SCALE_CONCURRENCY ?? 400);

const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;
const n = (value: number): string => Math.round(value).toLocaleString('en');

interface Read {
  readonly key: string;
  readonly name: string;
  readonly target: string;
  readonly path: string;
  readonly claims: TokenClaims;
  readonly requests: number;
}

interface Measured {
  readonly name: string;
  readonly p50: number;
  readonly p99: number;
  readonly bytes: number;
  readonly n: number;
}

async function measure(base: string, read: Read, token: string): Promise<Measured> {
  const times: number[] = [];
  let bytes = 0;
  // One warm-up request (plans, caches), not counted.
  for (let i = 0; i <= read.requests; i++) {
    const t0 = process.hrtime.bigint();
    const response = await fetch(base + read.path, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.text();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (response.status !== 200) throw new Error(`${read.name}: ${response.status} ${body.slice(0, 300)}`);
    if (i > 0) times.push(ms);
    bytes = body.length;
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  return { name: read.name, p50: at(0.5), p99: at(0.99), bytes, n: times.length };
}

/** A quarter that has data in every team: the last full quarter before the history's end. */
const lastFullQuarter = (end: string): string => {
  const [year, month] = end.split('-').map(Number) as [number, number];
  const q = Math.floor((month - 1) / 3);
  return q === 0 ? `${year - 1}-Q4` : `${year}-Q${q}`;
};

/** The reads, as the first team's people make them; the participant is that team's longest history. */
function reads(plan: CountryPlan): Read[] {
  const team = plan.teams[0];
  const specialist = team?.specialists[0];
  if (!team || !specialist) throw new Error('no team');
  const range = plan.participantsOf(0);
  let longest: ParticipantPlan | undefined;
  for (let index = range.from; index < range.to; index++) {
    const p = plan.participant(index);
    if (!longest || p.steps.length > longest.steps.length) longest = p;
  }
  if (!longest) throw new Error('no participant');
  const owner = team.specialists.find((s) => s.sub === longest.specialist) ?? specialist;
  const quarter = lastFullQuarter(plan.end);
  const claims = (actor: { sub: string; agency: string; role: string }): TokenClaims => ({ sub: actor.sub, agency: actor.agency, role: actor.role });
  return [
    { key: 'caseload', name: "a specialist's own caseload (scope=mine)", target: '≤ 20', path: '/team-view/participants?scope=mine', claims: claims(specialist), requests: SLOW_REQUESTS },
    { key: 'list', name: "a supervisor's list (scope=all)", target: '—', path: '/team-view/participants?scope=all', claims: claims(team.supervisor), requests: SLOW_REQUESTS },
    { key: 'board', name: "a team's board (supervisor)", target: '≤ 30', path: `/team-view/board?team=${team.teamId}`, claims: claims(team.supervisor), requests: SLOW_REQUESTS },
    { key: 'summary', name: "one participant's summary", target: '≤ 10', path: `/team-view/participants/${longest.participantId}`, claims: claims(owner), requests: REQUESTS },
    { key: 'timeline', name: `one timeline (the first team's longest history: ${longest.steps.length} commands)`, target: '≤ 20', path: `/team-view/participants/${longest.participantId}/timeline`, claims: claims(owner), requests: REQUESTS },
    { key: 'outcomes', name: `a team's outcomes, ${quarter}`, target: '≤ 50', path: `/team-view/outcomes?quarter=${quarter}&team=${team.teamId}`, claims: claims(team.supervisor), requests: REQUESTS },
    { key: 'all-outcomes', name: `all teams' outcomes (coordinator), ${quarter}`, target: '≤ 200', path: `/programme/outcomes?quarter=${quarter}`, claims: claims(plan.coordinator), requests: SLOW_REQUESTS },
  ];
}

interface SizeRun {
  readonly participants: number;
  readonly generated: GenerateResult;
  readonly projection: ProjectionResult;
  readonly projectRss: number;
  /** Null when the rebuild failed (said above the table). */
  readonly rebuild: (RebuildOutcome & { readonly peakRss: number }) | null;
  readonly contactLine: { readonly seconds: number; readonly caughtUp: boolean } | null;
  readonly reads: Map<string, Measured>;
  readonly platformRss: number;
}

/** One size: generate, project and rebuild, start the platform, measure the reads, drop the database. */
async function runSize(participants: number): Promise<SizeRun> {
  console.log(`\n## ${n(participants)} participants`);
  const database = await freshDatabase(DATABASE_URL, String(participants));
  try {
    const generated = await generateCountry({
      databaseUrl: database.url,
      participants,
      workers: WORKERS,
      concurrency: CONCURRENCY,
      onProgress: (p) =>
        console.log(`  generating: ${n(p.participantsDone)}/${n(p.participants)} participants, ${n(p.events)} events (${n(p.events / p.seconds)}/s), ${n(p.outbox)} shared, ${Math.round(p.seconds)} s`),
    });
    const cpu = generated.cpuSeconds;
    console.log(
      `generated: ${generated.plan.teams.length} teams, ${n(generated.participants)} participants, ${n(generated.commands)} commands, ${n(generated.events)} events, ` +
        `${n(generated.outbox)} shared events (outbox) in ${generated.seconds.toFixed(1)} s: ${n(generated.events / generated.seconds)} events/s; ` +
        `CPU ${Math.round(cpu['generator'] ?? 0)} s generator + ${Math.round(cpu['postgres'] ?? 0)} s PostgreSQL backends ` +
        `(${((((cpu['generator'] ?? 0) + (cpu['postgres'] ?? 0)) / generated.events) * 1e6).toFixed(0)} CPU-µs an event)`,
    );
    const { value: projection, peakRss: projectRss } = await runChild<ProjectionResult>('project-worker.ts', { databaseUrl: database.url, step: 'project' }, (text) => console.log(text));
    const p = projection;
    console.log(
      `projected: team directory ${n(p.directoryMessages)} messages through its consumer in ${p.directorySeconds.toFixed(1)} s; ` +
        `timeline ${n(p.timelineEvents)} events in bulk in ${p.timelineSeconds.toFixed(1)} s (${n(p.timelineEvents / p.timelineSeconds)}/s, indexes included)`,
    );
    let rebuild: SizeRun['rebuild'] = null;
    try {
      const { value, peakRss } = await runChild<RebuildOutcome>('project-worker.ts', { databaseUrl: database.url, step: 'rebuild' }, (text) => console.log(text));
      rebuild = { ...value, peakRss };
      console.log(`rebuilt (rebuildTeamViewReadModels): ${n(value.rebuilt)} events in ${value.rebuildSeconds.toFixed(1)} s (${n(value.rebuilt / value.rebuildSeconds)} events/s), peak RSS ${mb(peakRss)}`);
    } catch (error) {
      console.log(`REBUILD FAILED (the reads below run on whatever it left): ${String(error).slice(0, 2000)}`);
    }
    const platform = await startPlatformProcess(database.url);
    let platformRss = 0;
    try {
      const contactLine = await waitForContactLine(database.url);
      if (contactLine) console.log(`contact line (the employer's 24/7 line, from the event log at platform start): ${contactLine.caughtUp ? 'caught up' : 'NOT caught up'} in ${contactLine.seconds.toFixed(1)} s`);
      const measured = new Map<string, Measured>();
      for (const read of reads(generated.plan)) {
        const result = await measure(platform.url, read, await platform.token(read.claims));
        measured.set(read.key, result);
        console.log(`  ${read.name}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${(result.bytes / 1024).toFixed(1)} KB`);
      }
      platformRss = await platform.close();
      return { participants, generated, projection, projectRss, rebuild, contactLine, reads: measured, platformRss };
    } catch (error) {
      await platform.close().catch(() => 0);
      throw error;
    }
  } finally {
    if (process.env.BENCH_SCALE_KEEP !== '1') await database.drop();
  }
}

/**
 * The employer's contact line projects the event log (`$all`) when the platform starts: the bench waits for it (it
 * would otherwise share the machine with the reads) and says how long it took. Null when there is no such checkpoint.
 */
async function waitForContactLine(databaseUrl: string): Promise<{ seconds: number; caughtUp: boolean } | null> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    for (;;) {
      const { rows } = await client.query<{ head: string; at: string | null }>(
        `select (select events from es_counters where id = 1) as head,
                (select max(position) from msg_consumer_checkpoints where consumer like '%contact-line%') as at`,
      );
      const head = Number(rows[0]?.head ?? 0);
      const at = rows[0]?.at;
      const seconds = (Date.now() - started) / 1000;
      if (at !== null && at !== undefined && Number(at) >= head) return { seconds, caughtUp: true };
      if ((at === null || at === undefined) && seconds > 20) return null;
      if (seconds > 1200) return { seconds, caughtUp: false };
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const machine = `${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''}, ${mb(os.totalmem())} RAM, ${os.type()} ${os.release()}, node ${process.version}`;
  console.log(`# bench:scale, ${n(SMALL)} and ${n(LARGE)} participants | ${new Date().toISOString()} | ${machine} | PostgreSQL ${(await serverVersion()) || '?'} | load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const sizes = SMALL === LARGE ? [SMALL] : [SMALL, LARGE];
  const runs: SizeRun[] = [];
  for (const size of sizes) runs.push(await runSize(size));
  const small = runs[0] as SizeRun;
  const large = runs[runs.length - 1] as SizeRun;

  console.log('');
  const head = sizes.map((size) => `${n(size)} p50 | ${n(size)} p99`).join(' | ');
  console.log(`| read | ${head} | p99 ${n(LARGE)} / ${n(SMALL)} | target p99 at 100k |`);
  console.log(`|---|${sizes.map(() => '---:|---:').join('|')}|---:|---:|`);
  for (const read of reads(large.generated.plan)) {
    const cells = runs.map((run) => {
      const m = run.reads.get(read.key);
      return m ? `${m.p50.toFixed(1)} | ${m.p99.toFixed(1)}` : '— | —';
    });
    const a = small.reads.get(read.key);
    const b = large.reads.get(read.key);
    const ratio = a && b && a.p99 > 0 ? `${(b.p99 / a.p99).toFixed(2)}×` : '—';
    console.log(`| ${(b ?? a)?.name ?? read.name} | ${cells.join(' | ')} | ${ratio} | ${read.target} |`);
  }
  console.log('');
  for (const run of runs) {
    const g = run.generated;
    const r = run.rebuild;
    console.log(
      `${n(run.participants)}: generation ${n(g.events)} events (${n(g.outbox)} shared) in ${g.seconds.toFixed(0)} s, ${n(g.events / g.seconds)} events/s; ` +
        `timeline ${n(run.projection.timelineEvents)} in ${run.projection.timelineSeconds.toFixed(0)} s; ` +
        (r ? `rebuild ${n(r.rebuilt)} in ${r.rebuildSeconds.toFixed(1)} s, ${n(r.rebuilt / r.rebuildSeconds)} events/s` : 'rebuild FAILED') +
        (run.contactLine ? `; contact line ${run.contactLine.caughtUp ? 'caught up' : 'NOT caught up'} in ${run.contactLine.seconds.toFixed(0)} s` : ''),
    );
    const rss = [
      ...g.workers.map((w) => `${w.process} ${mb(w.peakRss)}`),
      `projection ${mb(run.projectRss)}`,
      ...(r ? [`rebuild ${mb(r.peakRss)}`] : []),
      `platform ${mb(run.platformRss)}`,
    ];
    console.log(`  peak RSS: ${rss.join(', ')}`);
  }
  console.log(`  peak RSS of this process (programme writer, HTTP client, both sizes): ${mb(peakRssOfThisProcess())}`);
  const caseloadSmall = small.reads.get('caseload')?.p99 ?? 0;
  const caseloadLarge = large.reads.get('caseload')?.p99 ?? 0;
  console.log(`scale_ratio_caseload=${caseloadSmall > 0 ? (caseloadLarge / caseloadSmall).toFixed(2) : 'n/a'}`);
  console.log(`rebuild_events_per_s=${large.rebuild ? Math.round(large.rebuild.rebuilt / large.rebuild.rebuildSeconds) : 'failed'}`);
  const peak = Math.max(peakRssOfThisProcess(), ...runs.flatMap((run) => [run.projectRss, run.rebuild?.peakRss ?? 0, run.platformRss, ...run.generated.workers.map((w) => w.peakRss)]));
  console.log(`peak_rss_per_process_max=${mb(peak)}`);
  console.log(`load_average_1m=${os.loadavg()[0]?.toFixed(1)} (other work on the machine skews the figures)`);
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
