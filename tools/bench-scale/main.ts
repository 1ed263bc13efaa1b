/**
 * `npm run bench:scale`: a country's data on the PostgreSQL server at DATABASE_URL, at 1,000 participants and at
 * BENCH_SCALE_PARTICIPANTS (default 100,000): written through the real append (generate.ts: deciders, sealing,
 * outbox; no HTTP), projected in bulk and the team view's read models rebuilt (project.ts), then each read over HTTP
 * with realistic tokens against the embedded platform in a process of its own, p50 and p99. Prints one table (both
 * sizes and the ratio of the p99s), the generation, projection and rebuild rates, the peak RSS of every process, and
 * the lines `scale_ratio_caseload=` and `rebuild_events_per_s=`.
 *
 * BENCH_SCALE_ENGINE: `server` (the default: the platform on the PostgreSQL server's database), `pglite` (the embedded
 * profile as `npm start` runs it: PGlite in a data directory, BENCH_SCALE_PGLITE_DIR/<n>, default
 * $TMPDIR/bench-scale-pglite/<n>) at BENCH_SCALE_PGLITE_PARTICIPANTS (default 10,000, or BENCH_SCALE_PARTICIPANTS when
 * smaller), or `both` (the server at that size too): the table gets PGlite's columns and the lines
 * `pglite_vs_server_p99_max_ratio=` and `pglite_reads_over_2x_server=`.
 *
 * BENCH_SCALE_KEEP=1 keeps the databases (bench_scale_<n> and its _keys, the PGlite directories); BENCH_SCALE_REUSE=1
 * reuses a kept country of the same plan (skips the generation and the bulk projection, still rebuilds and reads; it
 * keeps them too). BENCH_SCALE_WORKERS (2) and BENCH_SCALE_CONCURRENCY (400 participants in flight per worker) tune
 * generation; BENCH_SCALE_SMALL (1000) is the small size; BENCH_SCALE_REQUESTS / BENCH_SCALE_SLOW_REQUESTS the
 * requests per read; BENCH_SCALE_WARMUP (3) the rounds of every read made, untimed, after the platform starts.
 */
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { TokenClaims } from '@ips/access';
import { peakRssOfThisProcess, runChild } from './child';
import { DEFAULT_END, DEFAULT_SEED } from './generate';
import type { GeneratedFigures, PgliteGenerateTask } from './generate-pglite-worker';
import { CountryPlan, ParticipantPlan, planCountry } from './plan';
import type { ProjectionResult } from './project';
import type { ProjectTask, RebuildOutcome } from './project-worker';
import { CountryStore, Engine, GenerateResult, generateCountry, openCountryStore, planFingerprint, startPlatformProcess } from './scale';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const LARGE = Number(process.env.BENCH_SCALE_PARTICIPANTS ?? 100_000);
const SMALL = Math.min(LARGE, Number(process.env.BENCH_SCALE_SMALL ?? 1000));
const REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS ?? 100);
const SLOW_REQUESTS = Number(process.env.BENCH_SCALE_SLOW_REQUESTS ?? 30);
const WORKERS = Number(process.env.BENCH_SCALE_WORKERS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_SCALE_CONCURRENCY ?? 400);
const ENGINE = process.env.BENCH_SCALE_ENGINE ?? 'server';
if (!['server', 'pglite', 'both'].includes(ENGINE)) throw new Error(`BENCH_SCALE_ENGINE must be server, pglite or both, got ${ENGINE}`);
/** The issue's embedded size: 10,000 (or BENCH_SCALE_PARTICIPANTS when smaller). */
const PGLITE_SIZE = Number(process.env.BENCH_SCALE_PGLITE_PARTICIPANTS ?? Math.min(LARGE, 10_000));
const PGLITE_ROOT = process.env.BENCH_SCALE_PGLITE_DIR ?? path.join(os.tmpdir(), 'bench-scale-pglite');
/** PGlite's vacuum interval as the embedded platform's (PGLITE_VACUUM_SECONDS, default 60). */
const PGLITE_VACUUM_MS = Number(process.env.PGLITE_VACUUM_SECONDS ?? 60) * 1000;
const REUSE = process.env.BENCH_SCALE_REUSE === '1';
/** Rounds of every read before any is timed (each read's own one warm-up request comes on top). */
const WARMUP = Number(process.env.BENCH_SCALE_WARMUP ?? 3);
const KEEP = process.env.BENCH_SCALE_KEEP === '1' || REUSE;
/** The closed quarters' outcome tallies (decision 36): emptied before each request of the coordinator's cold read. */
const TALLIES = 'tv_outcome_quarter_tallies';

const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;
const n = (value: number): string => Math.round(value).toLocaleString('en');

interface Read {
  readonly key: string;
  readonly name: string;
  readonly target: string;
  readonly path: string;
  readonly claims: TokenClaims;
  readonly requests: number;
  /** Before each request (the warm-up's too), the closed quarters' tallies are deleted. */
  readonly cold?: boolean;
}

interface Measured {
  readonly name: string;
  readonly p50: number;
  readonly p99: number;
  readonly bytes: number;
  readonly n: number;
}

async function measure(base: string, read: Read, token: string, before?: () => Promise<void>): Promise<Measured> {
  const times: number[] = [];
  let bytes = 0;
  // One warm-up request (plans, caches), not counted.
  for (let i = 0; i <= read.requests; i++) {
    await before?.();
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
    {
      key: 'caseload',
      name: "a specialist's own caseload (scope=mine)",
      target: '≤ 20',
      path: '/team-view/participants?scope=mine',
      claims: claims(specialist),
      requests: SLOW_REQUESTS,
    },
    {
      key: 'list',
      name: "a supervisor's list (scope=all)",
      target: '—',
      path: '/team-view/participants?scope=all',
      claims: claims(team.supervisor),
      requests: SLOW_REQUESTS,
    },
    {
      key: 'board',
      name: "a team's board (supervisor)",
      target: '≤ 30',
      path: `/team-view/board?team=${team.teamId}`,
      claims: claims(team.supervisor),
      requests: SLOW_REQUESTS,
    },
    {
      key: 'summary',
      name: "one participant's summary",
      target: '≤ 10',
      path: `/team-view/participants/${longest.participantId}`,
      claims: claims(owner),
      requests: REQUESTS,
    },
    {
      key: 'timeline',
      name: `one timeline (the first team's longest history: ${longest.steps.length} commands)`,
      target: '≤ 20',
      path: `/team-view/participants/${longest.participantId}/timeline`,
      claims: claims(owner),
      requests: REQUESTS,
    },
    {
      key: 'outcomes',
      name: `a team's outcomes, ${quarter}`,
      target: '≤ 50',
      path: `/team-view/outcomes?quarter=${quarter}&team=${team.teamId}`,
      claims: claims(team.supervisor),
      requests: REQUESTS,
    },
    {
      key: 'all-outcomes',
      name: `all teams' outcomes (coordinator), ${quarter}`,
      target: '≤ 200',
      path: `/programme/outcomes?quarter=${quarter}`,
      claims: claims(plan.coordinator),
      requests: SLOW_REQUESTS,
    },
    {
      key: 'all-outcomes-cold',
      name: `all teams' outcomes (coordinator), cold`,
      target: '—',
      path: `/programme/outcomes?quarter=${quarter}`,
      claims: claims(plan.coordinator),
      requests: SLOW_REQUESTS,
      cold: true,
    },
  ];
}

interface SizeRun {
  readonly engine: Engine;
  readonly participants: number;
  readonly generated: GenerateResult;
  /** When the country of an earlier run was reused (BENCH_SCALE_REUSE=1): when that run generated it. */
  readonly reusedFrom: string | null;
  readonly projection: ProjectionResult;
  /** 0 when the projection was reused. */
  readonly projectRss: number;
  /** Null when the rebuild failed (said above the table). */
  readonly rebuild: (RebuildOutcome & { readonly peakRss: number }) | null;
  readonly contactLine: { readonly seconds: number; readonly caughtUp: boolean } | null;
  readonly reads: Map<string, Measured>;
  readonly platformRss: number;
}

const label = (run: Pick<SizeRun, 'engine' | 'participants'>): string => `${n(run.participants)}${run.engine === 'pglite' ? ' (PGlite)' : ''}`;

/** Generates the country into the store (the server's workers, or PGlite's one process) and projects it in bulk. */
async function generateAndProject(
  store: CountryStore,
  participants: number,
  plan: CountryPlan,
): Promise<Pick<SizeRun, 'generated' | 'projection' | 'projectRss'>> {
  let generated: GenerateResult;
  if (store.engine === 'server') {
    generated = await generateCountry({
      databaseUrl: store.target.databaseUrl as string,
      participants,
      workers: WORKERS,
      concurrency: CONCURRENCY,
      onProgress: (p) =>
        console.log(
          `  generating: ${n(p.participantsDone)}/${n(p.participants)} participants, ${n(p.events)} events (${n(p.events / p.seconds)}/s), ${n(p.outbox)} shared, ${Math.round(p.seconds)} s`,
        ),
    });
  } else {
    // PGlite is one process's: the whole country is written in one child, PGlite in it (its RSS is the generator's).
    const task: PgliteGenerateTask = { dataDir: store.target.dataDir as string, participants, concurrency: CONCURRENCY };
    const { value, peakRss } = await runChild<GeneratedFigures>('generate-pglite-worker.ts', task, (text) => console.log(text));
    generated = { ...value, plan, workers: [{ process: 'generator (PGlite in-process)', peakRss }] };
  }
  const cpu = generated.cpuSeconds;
  console.log(
    `generated: ${generated.plan.teams.length} teams, ${n(generated.participants)} participants, ${n(generated.commands)} commands, ${n(generated.events)} events, ` +
      `${n(generated.outbox)} shared events (outbox) in ${generated.seconds.toFixed(1)} s: ${n(generated.events / generated.seconds)} events/s; ` +
      (store.engine === 'server'
        ? `CPU ${Math.round(cpu['generator'] ?? 0)} s generator + ${Math.round(cpu['postgres'] ?? 0)} s PostgreSQL backends `
        : `CPU ${Math.round(cpu['generator'] ?? 0)} s generator and PGlite (one process) `) +
      `(${((((cpu['generator'] ?? 0) + (cpu['postgres'] ?? 0)) / generated.events) * 1e6).toFixed(0)} CPU-µs an event)`,
  );
  const projectTask: ProjectTask = { ...store.target, step: 'project' };
  const { value: projection, peakRss: projectRss } = await runChild<ProjectionResult>('project-worker.ts', projectTask, (text) => console.log(text));
  const p = projection;
  console.log(
    `projected: team directory ${n(p.directoryMessages)} messages through its consumer in ${p.directorySeconds.toFixed(1)} s; ` +
      `timeline ${n(p.timelineEvents)} events in bulk in ${p.timelineSeconds.toFixed(1)} s (${n(p.timelineEvents / p.timelineSeconds)}/s, indexes included)`,
  );
  return { generated, projection, projectRss };
}

/** One size on one engine: generate and project (or reuse), rebuild, start the platform, measure the reads, drop the country. */
async function runSize(engine: Engine, participants: number): Promise<SizeRun> {
  const plan = planCountry({ participants, seed: DEFAULT_SEED, end: new Date(DEFAULT_END) });
  const store = await openCountryStore({
    engine,
    serverUrl: DATABASE_URL,
    pgliteRoot: PGLITE_ROOT,
    participants,
    plan: { participants, seed: DEFAULT_SEED, end: DEFAULT_END, fingerprint: planFingerprint(plan) },
    reuse: REUSE,
  });
  console.log(`\n## ${n(participants)} participants${engine === 'pglite' ? `, embedded profile: PGlite in ${store.where}` : ''}`);
  try {
    let made: Pick<SizeRun, 'generated' | 'projection' | 'projectRss'>;
    const reused = store.reused;
    if (reused) {
      const g = reused.generated;
      console.log(
        `GENERATION REUSED (BENCH_SCALE_REUSE=1): ${store.where} as generated at ${reused.at}, ${n(g.participants)} participants, ${n(g.events)} events, ${n(g.outbox)} shared ` +
          `(then in ${g.seconds.toFixed(0)} s), and its bulk projection (timeline ${n(reused.projection.timelineEvents)} events); no generation, no projection now. ` +
          `The timeline and the team directory are as that run left them: a change to either needs a run without BENCH_SCALE_REUSE.`,
      );
      made = { generated: { ...g, plan }, projection: reused.projection, projectRss: 0 };
    } else {
      if (REUSE) console.log(`no complete country of this plan at ${store.where} to reuse: generating it`);
      made = await generateAndProject(store, participants, plan);
      const { plan: _plan, ...figures } = made.generated;
      await store.record({
        plan: { participants, seed: DEFAULT_SEED, end: DEFAULT_END, fingerprint: planFingerprint(plan) },
        at: new Date().toISOString(),
        generated: figures,
        projection: made.projection,
      });
    }
    let rebuild: SizeRun['rebuild'] = null;
    try {
      const rebuildTask: ProjectTask = { ...store.target, step: 'rebuild' };
      const { value, peakRss } = await runChild<RebuildOutcome>('project-worker.ts', rebuildTask, (text) => console.log(text));
      rebuild = { ...value, peakRss };
      console.log(
        `rebuilt (rebuildTeamViewReadModels): ${n(value.rebuilt)} events in ${value.rebuildSeconds.toFixed(1)} s (${n(value.rebuilt / value.rebuildSeconds)} events/s), peak RSS ${mb(peakRss)}` +
          (value.vacuumSeconds !== undefined
            ? `; then vacuum (analyze) in ${value.vacuumSeconds.toFixed(1)} s (PGlite has no autovacuum; the platform vacuums every ${PGLITE_VACUUM_MS / 1000} s)`
            : ''),
      );
    } catch (error) {
      console.log(`REBUILD FAILED (the reads below run on whatever it left): ${String(error).slice(0, 2000)}`);
    }
    const platform = await startPlatformProcess(
      engine === 'server' ? { databaseUrl: store.target.databaseUrl as string } : { dataDir: store.target.dataDir as string, vacuumEveryMs: PGLITE_VACUUM_MS },
    );
    // The server's database through a connection of its own; PGlite (one process's) through the platform's driver.
    const side = engine === 'server' ? new Client({ connectionString: store.target.databaseUrl }) : null;
    const query = async <R extends Record<string, unknown>>(sql: string): Promise<R[]> => (side ? (await side.query<R>(sql)).rows : platform.query<R>(sql));
    let platformRss = 0;
    try {
      await side?.connect();
      const contactLine = await waitForContactLine(query);
      if (contactLine)
        console.log(
          `contact line (the employer's 24/7 line, from the event log at platform start): ${contactLine.caughtUp ? 'caught up' : 'NOT caught up'} in ${contactLine.seconds.toFixed(1)} s`,
        );
      const cold = await coldStart(query, engine);
      // Every read a few times before any is timed: the first reads after a start (PGlite's engine compiled to
      // WebAssembly tiers up, its buffer cache is empty) would otherwise fall on whichever read comes first.
      if (WARMUP > 0) {
        const started = Date.now();
        for (let round = 0; round < WARMUP; round++) {
          for (const read of reads(made.generated.plan))
            await measure(platform.url, { ...read, requests: 0 }, await platform.token(read.claims), read.cold ? cold : undefined);
        }
        console.log(`  warm-up: every read ${WARMUP} times before any is timed (BENCH_SCALE_WARMUP), ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      const measured = new Map<string, Measured>();
      for (const read of reads(made.generated.plan)) {
        const result = await measure(platform.url, read, await platform.token(read.claims), read.cold ? cold : undefined);
        measured.set(read.key, result);
        console.log(`  ${read.name}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${(result.bytes / 1024).toFixed(1)} KB`);
      }
      await side?.end();
      platformRss = await platform.close();
      return { engine, participants, ...made, reusedFrom: reused?.at ?? null, rebuild, contactLine, reads: measured, platformRss };
    } catch (error) {
      await side?.end().catch(() => undefined);
      await platform.close().catch(() => 0);
      throw error;
    }
  } finally {
    if (!KEEP) await store.drop();
    else console.log(`kept: ${store.where}${REUSE ? '' : ' (BENCH_SCALE_REUSE=1 reuses it)'}`);
  }
}

/**
 * The cold coordinator's read: what to run before each of its requests. With the closed quarters' tallies table
 * (decision 36) there, it is emptied, so each request computes every team's tallies again; without it the cold row is
 * the same read as the one above it (said here).
 */
async function coldStart(query: <R extends Record<string, unknown>>(sql: string) => Promise<R[]>, engine: Engine): Promise<(() => Promise<void>) | undefined> {
  const [row] = await query<{ there: boolean }>(`select to_regclass('public.${TALLIES}') is not null as there`);
  if (!row?.there) {
    console.log(`  (no ${TALLIES} table on this database: the cold row is the same read as the coordinator's row above it)`);
    return undefined;
  }
  console.log(
    `  (the cold row: 'delete from ${TALLIES}' before each request, ${engine === 'server' ? 'through a connection of its own' : "through the platform's own PGlite driver"}, untimed)`,
  );
  return async () => {
    await query(`delete from ${TALLIES}`);
  };
}

/**
 * The employer's contact line projects the event log (`$all`) when the platform starts: the bench waits for it (it
 * would otherwise share the machine with the reads) and says how long it took. Null when there is no such checkpoint.
 */
async function waitForContactLine(
  query: <R extends Record<string, unknown>>(sql: string) => Promise<R[]>,
): Promise<{ seconds: number; caughtUp: boolean } | null> {
  const started = Date.now();
  for (;;) {
    const rows = await query<{ head: string; at: string | null }>(
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
}

async function main(): Promise<void> {
  const machine = `${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''}, ${mb(os.totalmem())} RAM, ${os.type()} ${os.release()}, node ${process.version}`;
  const serverSizes = ENGINE === 'pglite' ? [] : [...new Set([SMALL, LARGE, ...(ENGINE === 'both' ? [PGLITE_SIZE] : [])])].sort((a, b) => a - b);
  const pgliteSizes = ENGINE === 'server' ? [] : [PGLITE_SIZE];
  const sizesTitle = [...serverSizes.map((size) => n(size)), ...pgliteSizes.map((size) => `${n(size)} on PGlite`)].join(' and ');
  console.log(
    `# bench:scale, ${sizesTitle} participants | ${new Date().toISOString()} | ${machine} | PostgreSQL ${(await serverVersion()) || '?'} | load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (REUSE)
    console.log(
      'BENCH_SCALE_REUSE=1: a kept country of the same plan is reused (no generation, no bulk projection); the rebuild and the reads run; everything is kept',
    );
  const runs: SizeRun[] = [];
  for (const size of serverSizes) runs.push(await runSize('server', size));
  for (const size of pgliteSizes) runs.push(await runSize('pglite', size));
  const serverRuns = runs.filter((run) => run.engine === 'server');
  const pgliteRuns = runs.filter((run) => run.engine === 'pglite');
  // The lines below are the server's (small and large), or PGlite's when only PGlite ran.
  const scaled = serverRuns.length > 0 ? serverRuns : pgliteRuns;
  const small = (scaled.find((run) => run.participants === SMALL) ?? scaled[0]) as SizeRun;
  const large = (scaled.find((run) => run.participants === LARGE) ?? scaled[scaled.length - 1]) as SizeRun;
  const serverAt = (participants: number): SizeRun | undefined => serverRuns.find((run) => run.participants === participants);

  console.log('');
  const head = [
    ...serverRuns.map((run) => `${n(run.participants)} p50 | ${n(run.participants)} p99`),
    ...(serverRuns.length > 0 ? [`p99 ${n(LARGE)} / ${n(SMALL)}`] : []),
    'target p99 at 100k',
    ...pgliteRuns.map((run) => `PGlite ${n(run.participants)} p50 | PGlite ${n(run.participants)} p99 | p99 PGlite / server at ${n(run.participants)}`),
  ];
  const columns = serverRuns.length * 2 + (serverRuns.length > 0 ? 1 : 0) + 1 + pgliteRuns.length * 3;
  console.log(`| read | ${head.join(' | ')} |`);
  console.log(`|---|${Array.from({ length: columns }, () => '---:').join('|')}|`);
  const overTwice: string[] = [];
  let worst = 0;
  for (const read of reads(large.generated.plan)) {
    const cells = serverRuns.map((run) => {
      const m = run.reads.get(read.key);
      return m ? `${m.p50.toFixed(1)} | ${m.p99.toFixed(1)}` : '— | —';
    });
    const a = small.reads.get(read.key);
    const b = large.reads.get(read.key);
    if (serverRuns.length > 0) cells.push(a && b && a.p99 > 0 ? `${(b.p99 / a.p99).toFixed(2)}×` : '—');
    cells.push(read.target);
    for (const run of pgliteRuns) {
      const m = run.reads.get(read.key);
      const server = serverAt(run.participants)?.reads.get(read.key);
      const ratio = m && server && server.p99 > 0 ? m.p99 / server.p99 : undefined;
      if (ratio !== undefined) {
        worst = Math.max(worst, ratio);
        if (ratio > 2) overTwice.push(`${read.name} (${ratio.toFixed(2)}×)`);
      }
      cells.push(m ? `${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${ratio !== undefined ? `${ratio.toFixed(2)}×` : '—'}` : '— | — | —');
    }
    console.log(`| ${(b ?? a)?.name ?? read.name} | ${cells.join(' | ')} |`);
  }
  console.log('');
  for (const run of runs) {
    const g = run.generated;
    const r = run.rebuild;
    console.log(
      `${label(run)}: ` +
        (run.reusedFrom
          ? `generation and projection REUSED (generated ${run.reusedFrom}: ${n(g.events)} events, ${n(g.outbox)} shared, then in ${g.seconds.toFixed(0)} s); `
          : `generation ${n(g.events)} events (${n(g.outbox)} shared) in ${g.seconds.toFixed(0)} s, ${n(g.events / g.seconds)} events/s; ` +
            `timeline ${n(run.projection.timelineEvents)} in ${run.projection.timelineSeconds.toFixed(0)} s; `) +
        (r ? `rebuild ${n(r.rebuilt)} in ${r.rebuildSeconds.toFixed(1)} s, ${n(r.rebuilt / r.rebuildSeconds)} events/s` : 'rebuild FAILED') +
        (run.contactLine ? `; contact line ${run.contactLine.caughtUp ? 'caught up' : 'NOT caught up'} in ${run.contactLine.seconds.toFixed(0)} s` : ''),
    );
    const rss = [
      ...(run.reusedFrom ? [] : [...g.workers.map((w) => `${w.process} ${mb(w.peakRss)}`), `projection ${mb(run.projectRss)}`]),
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
  for (const run of pgliteRuns) {
    const server = serverAt(run.participants);
    if (run.rebuild) console.log(`pglite_rebuild_events_per_s=${Math.round(run.rebuild.rebuilt / run.rebuild.rebuildSeconds)}`);
    if (!server) {
      console.log(`pglite_vs_server_p99_max_ratio=n/a (no server run at ${n(run.participants)}: BENCH_SCALE_ENGINE=both)`);
      continue;
    }
    console.log(`pglite_vs_server_p99_max_ratio=${worst.toFixed(2)}`);
    console.log(`pglite_reads_over_2x_server=${overTwice.length === 0 ? 'none' : overTwice.join('; ')}`);
  }
  const peak = Math.max(
    peakRssOfThisProcess(),
    ...runs.flatMap((run) => [
      run.projectRss,
      run.rebuild?.peakRss ?? 0,
      run.platformRss,
      ...(run.reusedFrom ? [] : run.generated.workers.map((w) => w.peakRss)),
    ]),
  );
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
