import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The outbox beyond the relay's checkpoint: messages not yet on the bus, and when the oldest of them was written. */
export interface OutboxBacklog {
  readonly waiting: number;
  /** Seconds since the oldest waiting message was written (0 when none waits). */
  readonly oldestSeconds: number;
}

/** The 24/7 contact line as its read model stands now (the employer service, and the embedded platform). */
export interface ContactLineFigures {
  /** Not resolved. */
  readonly open: number;
  /** Nobody has taken it and its first deadline (the line's promise to the employer) has passed. */
  readonly overdue: number;
  /** Escalated and still waiting for someone to take it. */
  readonly escalated: number;
}

/** A database connection pool (`pg`) or PGlite's one connection, as it stands now. */
export interface DatabaseUsage {
  readonly engine: 'postgres' | 'pglite';
  /** `pg`: connections open (busy and idle); PGlite: 1. */
  readonly connections: number;
  readonly idle: number;
  /** Queries waiting for a connection (`pg`) or for PGlite's one connection (running ones included). */
  readonly waiting: number;
}

/** Where one consumer of the bus stands (the shape of @ips/messaging's ConsumerStatus, not imported: messaging may use this lib). */
export interface ConsumerFigures {
  readonly consumer: string;
  readonly state: 'starting' | 'following' | 'stopped';
  readonly lag: { readonly events: number; readonly seconds: number } | null;
}

/** What a service's metrics read at scrape time; each is left out where the service has no such thing. */
export interface MetricsSources {
  readonly consumers?: () => Promise<readonly ConsumerFigures[]>;
  readonly outbox?: () => Promise<OutboxBacklog>;
  /** Dead letters stored, per consumer. */
  readonly deadLetters?: () => Promise<ReadonlyMap<string, number>>;
  readonly contactLine?: () => Promise<ContactLineFigures>;
  readonly database?: () => DatabaseUsage | undefined;
}

export type CommandResult = 'ok' | 'refused' | 'error';

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500];
/** The label of a request no route matched (a 404 before routing): never the raw path, which may name a participant. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * One running service's metrics (prefix `ips_`, label `service`): counted as things happen (HTTP requests, commands,
 * appends) and read at scrape time from its sources (outbox, consumers, dead letters, the contact line, the database).
 * A registry of its own, so several services in one process (tests) never register a metric twice; Node's own figures
 * (collectDefaultMetrics) are the process's, collected once and labelled with the service that is scraped.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private sources: MetricsSources = {};
  private rendering: Promise<unknown> = Promise.resolve();

  private readonly httpRequests = new Counter({
    name: 'ips_http_requests_total',
    help: 'HTTP requests answered, by route template (never the raw path), method and status',
    labelNames: ['route', 'method', 'status'],
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'ips_http_request_duration_seconds',
    help: 'Time from request to the end of the answer, by route template and method',
    labelNames: ['route', 'method'],
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly commands = new Counter({
    name: 'ips_commands_total',
    help: 'Commands run through the command pipeline, by type and outcome (ok; refused, with the domain error kind; error)',
    labelNames: ['type', 'outcome', 'kind'],
    registers: [this.registry],
  });
  private readonly conflicts = new Counter({
    name: 'ips_command_conflicts_total',
    help: 'Commands decided again because another process wrote to the stream first (StreamVersionConflictError)',
    labelNames: ['type'],
    registers: [this.registry],
  });
  private readonly appendBatch = new Histogram({
    name: 'ips_event_store_append_batch_size',
    help: "Appends committed together in one statement by the event store's group commit",
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });
  private readonly appendEvents = new Counter({
    name: 'ips_event_store_appended_events_total',
    help: 'Events written by the event store (appends that committed)',
    registers: [this.registry],
  });
  private readonly appendDuration = new Histogram({
    name: 'ips_event_store_append_duration_seconds',
    help: "One group commit's statement: from sending the batch to its answer",
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  private readonly outboxWaiting = this.gauge('ips_outbox_messages_waiting', 'Outbox messages not yet relayed to the bus (the relay lag in messages)');
  private readonly outboxOldest = this.gauge('ips_outbox_oldest_age_seconds', 'Age of the oldest outbox message not yet relayed (0 when none waits)');
  private readonly consumerLagEvents = this.gauge('ips_consumer_lag_events', 'Messages a consumer of the bus has not yet applied', ['consumer']);
  private readonly consumerLagSeconds = this.gauge('ips_consumer_lag_seconds', 'Seconds since a consumer of the bus fell behind (0 when caught up)', [
    'consumer',
  ]);
  private readonly consumerStopped = this.gauge('ips_consumer_stopped', 'A consumer refused to go on (1): its reason is in the log and on /health', [
    'consumer',
  ]);
  private readonly consumerState = this.gauge('ips_consumer_state', 'A consumer of the bus by state (1 for its current one): starting, following, stopped', [
    'consumer',
    'state',
  ]);
  private readonly deadLetters = this.gauge('ips_dead_letters', 'Dead letters stored, per consumer (messages it gave up on)', ['consumer']);
  private readonly contactLine = this.gauge(
    'ips_contact_line_requests',
    'Employer contact line (24/7) requests by state: open (not resolved), overdue (nobody took it by its first deadline), escalated (waiting at a later tier)',
    ['state'],
  );
  private readonly database = this.gauge('ips_db_connections', "The service database's connections: total, idle, and waiting (queries waiting for one)", [
    'engine',
    'state',
  ]);
  private readonly sourceUp = this.gauge(
    'ips_metrics_source_up',
    'A figure read at scrape time could be read (1) or not (0): outbox, consumers, dead_letters, contact_line',
    ['source'],
  );

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
  }

  /** What to read at scrape time (once the service's parts exist). */
  readFrom(sources: MetricsSources): void {
    this.sources = sources;
  }

  httpRequest(method: string, route: string | undefined, status: number, seconds: number): void {
    const labels = { route: route || UNMATCHED_ROUTE, method };
    this.httpRequests.inc({ ...labels, status: String(status) });
    this.httpDuration.observe(labels, seconds);
  }

  commandEnded(type: string, outcome: CommandResult, kind?: string): void {
    this.commands.inc({ type, outcome, kind: kind ?? '' });
  }

  commandConflicted(type: string): void {
    this.conflicts.inc({ type });
  }

  appendBatchCommitted(requests: number, events: number, seconds: number): void {
    this.appendBatch.observe(requests);
    this.appendEvents.inc(events);
    this.appendDuration.observe(seconds);
  }

  /** The text exposition: this service's figures, read now, then the process's. One scrape at a time (two Prometheus servers). */
  render(): Promise<string> {
    const text = this.rendering.then(async () => {
      await this.refresh();
      const own = await this.registry.metrics();
      return `${own}\n${await processMetrics(this.service)}`;
    });
    this.rendering = text.catch(() => undefined);
    return text;
  }

  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;

  /** Drops every figure (the service stopped). */
  close(): void {
    this.sources = {};
    this.registry.clear();
  }

  private gauge<L extends string>(name: string, help: string, labelNames: L[] = []): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  private async refresh(): Promise<void> {
    const { outbox, consumers, deadLetters, contactLine, database } = this.sources;
    await Promise.all([
      this.read('outbox', outbox, [this.outboxWaiting, this.outboxOldest], (backlog) => {
        this.outboxWaiting.set(backlog.waiting);
        this.outboxOldest.set(backlog.oldestSeconds);
      }),
      this.read('consumers', consumers, [this.consumerLagEvents, this.consumerLagSeconds, this.consumerStopped, this.consumerState], (statuses) => {
        for (const status of statuses) {
          const consumer = status.consumer;
          if (status.lag) {
            this.consumerLagEvents.set({ consumer }, status.lag.events);
            this.consumerLagSeconds.set({ consumer }, status.lag.seconds);
          }
          this.consumerStopped.set({ consumer }, status.state === 'stopped' ? 1 : 0);
          for (const state of ['starting', 'following', 'stopped'] as const) this.consumerState.set({ consumer, state }, status.state === state ? 1 : 0);
        }
      }),
      this.read('dead_letters', deadLetters, [this.deadLetters], (counts) => {
        for (const [consumer, count] of counts) this.deadLetters.set({ consumer }, count);
      }),
      this.read('contact_line', contactLine, [this.contactLine], (figures) => {
        this.contactLine.set({ state: 'open' }, figures.open);
        this.contactLine.set({ state: 'overdue' }, figures.overdue);
        this.contactLine.set({ state: 'escalated' }, figures.escalated);
      }),
    ]);
    this.database.reset();
    const usage = database?.();
    if (usage) {
      this.database.set({ engine: usage.engine, state: 'total' }, usage.connections);
      this.database.set({ engine: usage.engine, state: 'idle' }, usage.idle);
      this.database.set({ engine: usage.engine, state: 'waiting' }, usage.waiting);
    }
  }

  /** Reads one source into its gauges, which are emptied first (a consumer gone is gone); a failed read says so. */
  private async read<T>(source: string, read: (() => Promise<T>) | undefined, gauges: readonly Gauge<string>[], apply: (value: T) => void): Promise<void> {
    for (const gauge of gauges) gauge.reset();
    if (!read) return;
    try {
      apply(await read());
      this.sourceUp.set({ source }, 1);
    } catch {
      this.sourceUp.set({ source }, 0);
    }
  }
}

/** Node's own figures (CPU, memory, event loop, GC, handles): one set per process, collected from the first service on. */
let processRegistry: Registry | undefined;
let rendering: Promise<unknown> = Promise.resolve();

function processMetrics(service: string): Promise<string> {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  const registry = processRegistry;
  // One at a time: the service's label is the registry's default label while it renders.
  const text = rendering.then(() => {
    registry.setDefaultLabels({ service });
    return registry.metrics();
  });
  rendering = text.catch(() => undefined);
  return text;
}
