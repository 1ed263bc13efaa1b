/**
 * A country's data for the scale bench, written through the real deciders, slices, sealing and append (shared events
 * to the outbox in the same append) straight into the store: no HTTP, and no stream read back (MemoryPipeline).
 *
 * The programme (teams, members, employers) is written first, in this process. The participants are then written by
 * `workers` child processes (default 2, one per core), each taking every `workers`-th participant and writing
 * `concurrency` participants at once (each one's history in order): their appends meet in the store's group commit,
 * so one statement and one commit carry a few hundred participants' commands. Each participant's plan is made from
 * the seed when its turn comes and dropped when it is written, so no process holds the country.
 * The agencies' reactions (the employer and mental health noting enrolments, consents, employer links) run too,
 * delivered synchronously from each append's outbox messages, so placements are decided as they are in production.
 * The outbox is left for the projection (see project.ts).
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { CommandPipeline, Slice } from '@ips/command-pipeline';
import { decideEndPlacement, decideRecordFollowAlongContact, decideRegisterEmployer, decideStartPlacement } from '@ips/employer/domain';
import { SharedEvent, contracts } from '@ips/contracts';
import { employerReaction, employerSlice, participantEmploymentSlice } from '@ips/employer/feature';
import { AppendRequest, AppendResult, EventStore, OutboxMessage } from '@ips/event-store';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { decideClearRelapseFlag, decideRaiseRelapseFlag } from '@ips/mental-health/domain';
import { mentalHealthReaction, participantCareSlice } from '@ips/mental-health/feature';
import { BatchHandler, Delivery, DeliveryHandler, MessageBus, PublishableMessage } from '@ips/messaging';
import { decideAddTeamMember, decideDefineTeam } from '@ips/programme/domain';
import { teamSlice } from '@ips/programme/feature';
import { agencyServices, openDatabase, openKeyStore } from '@ips/runtime';
import { Command, Decision, DomainEvent } from '@ips/kernel';
import {
  decideDischargeParticipant,
  decideEnrolParticipant,
  decideGiveConsent,
  decideRecordEmployerContact,
  decideRecordParticipantContact,
  decideReferParticipant,
  decideWithdrawReferral,
  unlessErased,
} from '@ips/welfare-office/domain';
import { participantSlice } from '@ips/welfare-office/feature';
import { CpuMeter } from './cpu-meter';
import { MemoryPipeline } from './memory-pipeline';
import { Actor, CountryPlan, Step, TeamPlan, planCountry } from './plan';

export const DEFAULT_SEED = 20261204;
export const DEFAULT_END = '2026-12-01T09:00:00.000Z';

export interface GenerateOptions {
  /** The PostgreSQL server's database; when left out, PGlite in `dataDir` (the embedded platform's files). */
  readonly databaseUrl?: string;
  /** The embedded platform's data directory (PGlite in dataDir/pglite, its keys in dataDir/data-keys), without databaseUrl. */
  readonly dataDir?: string;
  readonly participants: number;
  readonly seed?: number;
  /** Participants written at once in each process (each one's history in order); default 400. */
  readonly concurrency?: number;
  /** Child processes writing participants; 0 writes them in this process. Default 2 (always 0 on PGlite: one process opens it). */
  readonly workers?: number;
  /** Appends per statement (the store's group commit); default 1,000. */
  readonly maxBatch?: number;
  readonly end?: Date;
  readonly onProgress?: (progress: GenerateProgress) => void;
}

export interface GenerateCounts {
  readonly participantsDone: number;
  readonly commands: number;
  /** Domain events appended, the reactions' included. */
  readonly events: number;
  /** Shared events written to the outbox. */
  readonly outbox: number;
}

export interface GenerateProgress extends GenerateCounts {
  readonly participants: number;
  readonly seconds: number;
}

export interface ProcessRss {
  readonly process: string;
  /** The process's peak resident set (getrusage maxrss), bytes. */
  readonly peakRss: number;
}

export interface GenerateResult extends GenerateProgress {
  readonly plan: CountryPlan;
  /** Seconds spent on the programme (teams, members, employers) before the participants. */
  readonly programmeSeconds: number;
  /** Peak RSS of each worker process (empty when `workers` is 0). */
  readonly workers: readonly ProcessRss[];
  /** CPU seconds used: `generator` (this process and its workers) and `postgres` (the backends of the two databases). */
  readonly cpuSeconds: Record<string, number>;
}

/** Appends through the real store, counts, and keeps each append's outbox messages by key, for the reactions. */
class RecordingStore implements EventStore {
  events = 0;
  outbox = 0;
  readonly pending = new Map<string, OutboxMessage[]>();
  constructor(private readonly inner: EventStore) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    const result = await this.inner.append(request);
    this.events += request.events.length;
    for (const message of request.outbox ?? []) {
      this.outbox++;
      const list = this.pending.get(message.key);
      if (list) list.push(message);
      else this.pending.set(message.key, [message]);
    }
    return result;
  }
  readStream = (streamId: string) => this.inner.readStream(streamId);
  readAll = (afterPosition: number, limit: number) => this.inner.readAll(afterPosition, limit);
  readOutbox = (afterPosition: number, limit: number) => this.inner.readOutbox(afterPosition, limit);

  take(key: string): OutboxMessage[] {
    const list = this.pending.get(key) ?? [];
    this.pending.delete(key);
    return list;
  }
}

/**
 * The reactions the agencies' services subscribe (agencyServices): the bus below hands a message to them only when one
 * of these makes a command of it. Three in four messages are contacts, which no reaction reads, and each subscribed
 * reaction would check the message against its contract first (a sixth of a worker's time).
 */
const REACTIONS: readonly { readonly react: (event: SharedEvent) => unknown }[] = [employerReaction, mentalHealthReaction];

/** A bus the reactions subscribe to; the generator hands them each message as soon as it is appended. */
class DirectBus implements MessageBus {
  readonly groups: string[] = [];
  private readonly handlers: DeliveryHandler[] = [];
  private position = 0;
  async publish(_messages: readonly PublishableMessage[]): Promise<void> {}
  async subscribe(group: string, handler: DeliveryHandler): Promise<void> {
    this.groups.push(group);
    this.handlers.push(handler);
  }
  async subscribeBatches(group: string, handler: BatchHandler): Promise<void> {
    this.groups.push(group);
    this.handlers.push((delivery) => handler([delivery]));
  }
  async close(): Promise<void> {}
  async deliver(message: OutboxMessage): Promise<void> {
    // Only what a reaction takes up is delivered; a reaction validates each message against its contract first, as here.
    const checked = contracts.validate(message.payload);
    if (!checked.ok || !REACTIONS.some((reaction) => reaction.react(checked.event) !== null)) return;
    const delivery: Delivery = {
      message: { id: message.messageId, key: message.key, type: message.type, payload: message.payload, source: 'bench-scale' },
      cursor: { stream: 'bench-scale', position: ++this.position },
    };
    for (const handler of this.handlers) await handler(delivery);
  }
}

type AnyDecide = (command: Command<string, object>, state: unknown) => Decision<DomainEvent>;
const slices: Record<Step['kind'], { slice: Slice<unknown, DomainEvent>; decide: AnyDecide; type: string }> = {
  refer: { slice: participantSlice as never, decide: unlessErased(decideReferParticipant) as never, type: 'ReferParticipant' },
  withdraw: { slice: participantSlice as never, decide: unlessErased(decideWithdrawReferral) as never, type: 'WithdrawReferral' },
  enrol: { slice: participantSlice as never, decide: unlessErased(decideEnrolParticipant) as never, type: 'EnrolParticipant' },
  consent: { slice: participantSlice as never, decide: unlessErased(decideGiveConsent) as never, type: 'GiveConsent' },
  contact: { slice: participantSlice as never, decide: unlessErased(decideRecordParticipantContact) as never, type: 'RecordParticipantContact' },
  'employer-contact': { slice: participantSlice as never, decide: unlessErased(decideRecordEmployerContact) as never, type: 'RecordEmployerContact' },
  discharge: { slice: participantSlice as never, decide: unlessErased(decideDischargeParticipant) as never, type: 'DischargeParticipant' },
  'raise-flag': { slice: participantCareSlice as never, decide: decideRaiseRelapseFlag as never, type: 'RaiseRelapseFlag' },
  'clear-flag': { slice: participantCareSlice as never, decide: decideClearRelapseFlag as never, type: 'ClearRelapseFlag' },
  'start-placement': { slice: participantEmploymentSlice as never, decide: decideStartPlacement as never, type: 'StartPlacement' },
  'follow-along': { slice: participantEmploymentSlice as never, decide: decideRecordFollowAlongContact as never, type: 'RecordFollowAlongContact' },
  'end-placement': { slice: participantEmploymentSlice as never, decide: decideEndPlacement as never, type: 'EndPlacement' },
};

/** One process's writer: the store, the key store, the fast pipeline and the reactions on a direct bus. */
class Writer {
  commands = 0;
  participantsDone = 0;
  private correlation = 0;

  private constructor(
    private readonly store: RecordingStore,
    private readonly pipeline: MemoryPipeline,
    private readonly bus: DirectBus,
    private readonly tag: string,
    readonly close: () => Promise<void>,
  ) {}

  static async open(target: Target, tag: string, maxBatch: number): Promise<Writer> {
    const config = target.databaseUrl ? { databaseUrl: target.databaseUrl, dataDir: '/nonexistent' } : { dataDir: target.dataDir ?? '/nonexistent' };
    const [db, keys] = await Promise.all([openDatabase(config), openKeyStore(config, 'embedded')]);
    const store = new RecordingStore(await PostgresEventStore.open(db, { maxBatch }));
    const pipeline = new MemoryPipeline(store, keys.personalData);
    const bus = new DirectBus();
    const logger = new Logger('bench-scale');
    // The reactions dispatch to their command handlers, which run on the fast pipeline as they would on the service's.
    const handlers = await NestFactory.createApplicationContext(
      {
        module: class ReactionHandlers {},
        imports: [CqrsModule],
        providers: [...employerReaction.handlers, ...mentalHealthReaction.handlers, { provide: CommandPipeline, useValue: pipeline }],
      },
      { logger: false },
    );
    for (const service of agencyServices) for (const subscribe of service.reactions) await subscribe(bus, handlers.get(CommandBus), logger);
    const known = [employerReaction.group, mentalHealthReaction.group];
    if (bus.groups.length !== known.length || !bus.groups.every((group) => known.includes(group))) {
      throw new Error(`the services subscribe reactions ${bus.groups.join(', ')}: tools/bench-scale/generate.ts filters for ${known.join(', ')} (REACTIONS)`);
    }
    return new Writer(store, pipeline, bus, tag, async () => {
      await handlers.close();
      await keys.close();
      await db.close();
    });
  }

  counts(): GenerateCounts {
    return { participantsDone: this.participantsDone, commands: this.commands, events: this.store.events, outbox: this.store.outbox };
  }

  async run(
    kind: string,
    slice: Slice<unknown, DomainEvent>,
    id: string,
    type: string,
    data: object,
    decide: AnyDecide,
    actor: Actor,
    at: string,
    key: string,
  ): Promise<void> {
    const metadata = {
      actor: { sub: actor.sub, agency: actor.agency, role: actor.role },
      now: at,
      correlationId: `bench-scale-${this.tag}-${++this.correlation}`,
    };
    const outcome = await this.pipeline.run(slice, id, { type, data, metadata }, decide);
    this.commands++;
    if (!outcome.ok) throw new Error(`${kind} on ${id} refused: ${outcome.error.code} ${outcome.error.message}`);
    // The reactions, as the bus would deliver them (their own appends may publish in turn).
    for (let messages = this.store.take(key); messages.length > 0; messages = this.store.take(key)) {
      for (const message of messages) await this.bus.deliver(message);
    }
  }

  /** The programme: teams and their members, then each team's employers. */
  async programme(plan: CountryPlan): Promise<void> {
    await forEachLimit(plan.teams.length, 16, async (t) => {
      const team = plan.teams[t] as TeamPlan;
      await this.run(
        'define-team',
        teamSlice as never,
        team.teamId,
        'DefineTeam',
        team.definition,
        decideDefineTeam as never,
        plan.administrator,
        team.definedAt,
        team.teamId,
      );
      for (const person of team.members) {
        const by = person.role === 'supervisor' ? plan.administrator : (team.supervisor as Actor);
        await this.run(
          'add-member',
          teamSlice as never,
          team.teamId,
          'AddTeamMember',
          person.command,
          decideAddTeamMember as never,
          by,
          team.definedAt,
          team.teamId,
        );
      }
      for (const employer of team.employers) {
        await this.run(
          'register-employer',
          employerSlice as never,
          employer.employerId,
          'RegisterEmployer',
          employer,
          decideRegisterEmployer as never,
          team.supervisor,
          team.definedAt,
          employer.employerId,
        );
      }
    });
  }

  /** Participants `first`, `first + stride`, … of the plan, `concurrency` at once. */
  async participants(plan: CountryPlan, first: number, stride: number, concurrency: number): Promise<void> {
    const count = first < plan.participantCount ? Math.ceil((plan.participantCount - first) / stride) : 0;
    await forEachLimit(count, concurrency, async (k) => {
      const participant = plan.participant(first + k * stride);
      for (const step of participant.steps) {
        const { slice, decide, type } = slices[step.kind];
        await this.run(step.kind, slice, participant.participantId, type, step.data, decide, step.actor, step.at, participant.participantId);
      }
      this.pipeline.forget(participant.participantId);
      this.participantsDone++;
    });
  }
}

/** Where the country is written: a server's database, or PGlite in the embedded platform's data directory. */
type Target = Pick<GenerateOptions, 'databaseUrl' | 'dataDir'>;

/** What a worker is told (as JSON in argv). */
export interface WorkerTask {
  readonly databaseUrl: string;
  readonly participants: number;
  readonly seed: number;
  readonly end: string;
  readonly first: number;
  readonly stride: number;
  readonly concurrency: number;
  readonly maxBatch: number;
}

/** What a worker reports (IPC), every second and at the end. */
export type WorkerReport =
  | ({ readonly kind: 'progress' } & GenerateCounts)
  | ({ readonly kind: 'done'; readonly peakRss: number } & GenerateCounts)
  | { readonly kind: 'failed'; readonly error: string };

/** The worker's side (generate-worker.ts): writes its share of the participants, reports progress, returns the last report. */
export async function runWorker(task: WorkerTask, report: (message: WorkerReport) => void): Promise<WorkerReport> {
  const plan = planCountry({ participants: task.participants, seed: task.seed, end: new Date(task.end) });
  const writer = await Writer.open({ databaseUrl: task.databaseUrl }, `w${task.first}`, task.maxBatch);
  const timer = setInterval(() => report({ kind: 'progress', ...writer.counts() }), 1000);
  try {
    await writer.participants(plan, task.first, task.stride, task.concurrency);
  } finally {
    clearInterval(timer);
    await writer.close();
  }
  return { kind: 'done', ...writer.counts(), peakRss: process.resourceUsage().maxRSS * 1024 };
}

/** Writes the plan's teams, employers and participants' histories into the database at `databaseUrl`. */
export async function generateCountry(options: GenerateOptions): Promise<GenerateResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const end = options.end ?? new Date(DEFAULT_END);
  const plan = planCountry({ participants: options.participants, seed, end });
  const concurrency = options.concurrency ?? 400;
  const maxBatch = options.maxBatch ?? 1000;
  const databaseUrl = options.databaseUrl;
  if (!databaseUrl && !options.dataDir) throw new Error('generateCountry: a databaseUrl or a dataDir (PGlite)');
  // PGlite is one process's: its participants are written in this one.
  const workers = databaseUrl ? (options.workers ?? 2) : 0;
  const started = Date.now();
  const writer = await Writer.open(options, 'main', maxBatch);
  const children = new Map<number, string>();
  let cpu: CpuMeter | undefined;
  if (databaseUrl) {
    const database = new URL(databaseUrl).pathname.slice(1);
    const serverUrl = Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString();
    cpu = new CpuMeter(serverUrl, [database, `${database}_keys`], () => children);
  }
  const cpuAtStart = process.cpuUsage();
  let programmeSeconds = 0;
  let counts: GenerateCounts;
  const rss: ProcessRss[] = [];
  try {
    await writer.programme(plan);
    programmeSeconds = (Date.now() - started) / 1000;
    if (workers === 0) {
      let last = Date.now();
      const timer = setInterval(() => {
        if (Date.now() - last < 2000) return;
        last = Date.now();
        options.onProgress?.({ ...writer.counts(), participants: plan.participantCount, seconds: (Date.now() - started) / 1000 });
      }, 500);
      try {
        await writer.participants(plan, 0, 1, concurrency);
      } finally {
        clearInterval(timer);
      }
      counts = writer.counts();
    } else {
      const base = writer.counts();
      const latest: GenerateCounts[] = Array.from({ length: workers }, () => ({ participantsDone: 0, commands: 0, events: 0, outbox: 0 }));
      const total = (): GenerateCounts => ({
        participantsDone: latest.reduce((sum, c) => sum + c.participantsDone, 0),
        commands: base.commands + latest.reduce((sum, c) => sum + c.commands, 0),
        events: base.events + latest.reduce((sum, c) => sum + c.events, 0),
        outbox: base.outbox + latest.reduce((sum, c) => sum + c.outbox, 0),
      });
      let last = Date.now();
      const timer = setInterval(() => {
        if (Date.now() - last < 2000) return;
        last = Date.now();
        options.onProgress?.({ ...total(), participants: plan.participantCount, seconds: (Date.now() - started) / 1000 });
      }, 500);
      try {
        const results = await Promise.all(
          Array.from({ length: workers }, (_, w) =>
            forkWorker(
              {
                databaseUrl: databaseUrl as string,
                participants: plan.participantCount,
                seed,
                end: end.toISOString(),
                first: w,
                stride: workers,
                concurrency,
                maxBatch,
              },
              (counts) => {
                latest[w] = counts;
              },
              (pid) => children.set(pid, 'generator'),
            ),
          ),
        );
        results.forEach((peakRss, w) => rss.push({ process: `generator worker ${w + 1}`, peakRss }));
      } finally {
        clearInterval(timer);
      }
      counts = total();
    }
  } finally {
    await writer.close();
  }
  const used = cpu ? await cpu.stop() : {};
  // The workers' from /proc (their whole life), this process's own since the start of generation (PGlite's included).
  const own = process.cpuUsage(cpuAtStart);
  const cpuSeconds = { generator: (used['generator'] ?? 0) + (own.user + own.system) / 1e6, postgres: used['postgres'] ?? 0 };
  return { ...counts, participants: plan.participantCount, seconds: (Date.now() - started) / 1000, plan, programmeSeconds, workers: rss, cpuSeconds };
}

/** Forks generate-worker.ts (TypeScript through tools/register.js) and resolves with its peak RSS when it is done. */
function forkWorker(task: WorkerTask, onCounts: (counts: GenerateCounts) => void, onStart: (pid: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'generate-worker.ts'), [JSON.stringify(task)], {
      // A larger young generation: the appends' JSON is short-lived, and the default one promotes much of it.
      execArgv: ['-r', path.join(__dirname, '..', 'register.js'), '--max-semi-space-size=32'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    if (child.pid) onStart(child.pid);
    let peakRss: number | undefined;
    let failure: string | undefined;
    child.on('message', (message: WorkerReport) => {
      if (message.kind === 'failed') failure = message.error;
      else {
        onCounts(message);
        if (message.kind === 'done') peakRss = message.peakRss;
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && peakRss !== undefined) resolve(peakRss);
      else reject(new Error(`generator worker ${task.first + 1} exited with ${code}: ${failure ?? 'no report'}`));
    });
  });
}

async function forEachLimit(count: number, limit: number, each: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) await each(next++);
    }),
  );
}
