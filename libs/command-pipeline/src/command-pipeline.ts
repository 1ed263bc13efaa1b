import {
  ContractRegistry,
  PublishedEvent,
  SharedEvent,
  contractKey,
  contracts,
  isTeamEvent,
  partitionKeyOf,
  personalFieldsOf,
  teamContracts,
} from '@ips/contracts';
import { EventStore, OutboxMessage, RecordedEvent, StreamVersionConflictError } from '@ips/event-store';
import { inSpan } from '@ips/observability';
import { ParticipantErasedError, PersonalData } from '@ips/personal-data';
import { KeyedQueue, uuidv7 } from '@ips/utils';
import {
  Aggregate,
  Clock,
  Command,
  CommandIssuer,
  ConcurrentWriteError,
  Decision,
  DomainError,
  DomainEvent,
  Outcome,
  fold,
  refused,
  streamId,
  systemClock,
} from '@ips/kernel';

/** What other services learn of a domain event: shared participant events, or (the programme's registry) team events. */
export type ToShared<E> = (event: E, envelope: Pick<SharedEvent, 'id' | 'recordedBy'>) => readonly PublishedEvent<object>[];

/** Per event type, the fields of its data that are personal (names, birth date, phone numbers, free text). */
export type PersonalFields<E extends DomainEvent> = {
  readonly [T in E['type']]?: readonly (keyof Extract<E, { readonly type: T }>['data'] & string)[];
};

/**
 * An aggregate as the pipeline needs it: how to fold it, what of its events other agencies learn, and
 * which of their fields are personal. Personal fields are sealed with the participant's key (the event's
 * `participantId`) before anything is stored; shared events are sealed by their contracts' `personal` marks.
 */
export interface Slice<S, E extends DomainEvent> {
  readonly aggregate: Aggregate<S, E>;
  readonly toShared: ToShared<E>;
  readonly personal?: PersonalFields<E>;
}

export interface RunOptions {
  /** Runs once the decision is taken and before its events are stored (again on a retry): erasure destroys the key here. */
  readonly beforeAppend?: () => Promise<void>;
  /**
   * The caller made the aggregate's id just now (a random UUID): its stream is known to be empty, so the first
   * attempt decides on the initial state without reading it. Were it not empty, the append conflicts and the
   * retry reads it as usual.
   */
  readonly newStream?: boolean;
}

export const PARTICIPANT_ERASED = 'PARTICIPANT.ERASED';

/** What an accepted command tells its caller: the stream's new version, the events' ids, and the command's time. */
export interface Recorded {
  readonly streamVersion: number;
  readonly eventIds: readonly string[];
  /** The command's `now`: the recorded events' `at`. */
  readonly recordedAt: string;
}

export type CommandOutcome = Outcome<Recorded>;

/** A command as its caller issues it: the decider's command, with `now` stamped by the pipeline if the caller left it out. */
export type IssuedCommand<C extends Command> = Omit<C, 'metadata'> & { readonly metadata: CommandIssuer };

export class InvalidSharedEventError extends Error {
  constructor(reason: string, details: unknown) {
    super(`refusing to publish an invalid shared event: ${reason} ${JSON.stringify(details)}`);
    this.name = 'InvalidSharedEventError';
  }
}

/** Told how each command ended and of each lost race (metrics): the pipeline knows nothing of how they are counted. */
export interface CommandObserver {
  /** `refused` carries the domain error's kind; `error` is a thrown error (a concurrent write through every attempt too). */
  commandEnded(type: string, outcome: 'ok' | 'refused' | 'error', kind?: DomainError['kind']): void;
  /** Another process wrote to the stream first (StreamVersionConflictError): the command is decided again. */
  commandConflicted(type: string): void;
}

/** How often a command is decided again when another process wrote first, and how long it waits in between. */
export interface RetryPolicy {
  readonly attempts: number;
  /** Before attempt n + 1 it waits a random time up to `baseDelayMs · 2ⁿ⁻¹` (at most `maxDelayMs`): full jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Up to 8 attempts over at most ~1.3 s of waiting (5 + 10 + … + 320 ms drawn at random below each). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 5, maxDelayMs: 320 };

export interface PipelineOptions {
  /** The contracts shared events are checked against before they reach the outbox. */
  readonly registry?: ContractRegistry;
  readonly retry?: RetryPolicy;
  /** Draws the back-off's jitter (tests fix it). */
  readonly random?: () => number;
  /** Stamps `now` on a command issued without it (every HTTP command): the service's CLOCK. */
  readonly clock?: Clock;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * read stream → fold → decide → append with expected version, shared events to the outbox in the same
 * transaction. Commands on one stream from this process run one after another (a queue per stream), so they never
 * conflict with each other; different streams still share the store's group commit. A conflict can then only come
 * from another process: the command is decided again on the new state after a jittered back-off, and when every
 * attempt lost, it fails with ConcurrentWriteError (the HTTP edge answers 409 with Retry-After).
 */
export class CommandPipeline {
  private readonly streams = new KeyedQueue();
  private observer: CommandObserver | undefined;

  private readonly registry: ContractRegistry;
  private readonly retry: RetryPolicy;
  private readonly random: () => number;
  private readonly clock: Clock;

  constructor(
    private readonly store: EventStore,
    private readonly personalData: PersonalData,
    options: PipelineOptions = {},
  ) {
    this.registry = options.registry ?? contracts;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? systemClock;
  }

  /** Runs one command on the aggregate `id` of `slice`: what every use case's command handler calls. */
  run<S, E extends DomainEvent, C extends Command>(
    slice: Slice<S, E>,
    id: string,
    issued: IssuedCommand<C>,
    decide: (command: C, state: S) => Decision<E>,
    options: RunOptions = {},
  ): Promise<CommandOutcome> {
    const { type, data } = issued;
    const command = { type, data, metadata: { ...issued.metadata, now: issued.metadata.now ?? this.clock.now().toISOString() } } as C;
    const stream = streamId(slice.aggregate.category, id);
    const outcome = traced(command, slice.aggregate.category, () =>
      this.streams.run(stream, () => this.decideAndAppend(stream, slice, id, command, decide, options)),
    );
    const observer = this.observer;
    if (!observer) return outcome;
    return outcome.then(
      (result) => {
        if (result.ok) observer.commandEnded(command.type, 'ok');
        else observer.commandEnded(command.type, 'refused', result.error.kind);
        return result;
      },
      (error: unknown) => {
        observer.commandEnded(command.type, 'error');
        throw error;
      },
    );
  }

  /**
   * The aggregate's state now, folded from its stream with personal fields opened (or `[erased]`), as a decider sees
   * it: for a handler that needs another aggregate's state to build its command, or a check before one.
   */
  async load<S, E extends DomainEvent>(slice: Pick<Slice<S, E>, 'aggregate'>, id: string): Promise<S> {
    const { events } = await this.store.readStream(streamId(slice.aggregate.category, id));
    return fold(slice.aggregate, await this.opened<E>(events, id));
  }

  /** Tells `observer` how each command ends from now on (one observer: the service's metrics). */
  observedBy(observer: CommandObserver): this {
    this.observer = observer;
    return this;
  }

  private async decideAndAppend<S, E extends DomainEvent, C extends Command>(
    stream: string,
    slice: Slice<S, E>,
    id: string,
    command: C,
    decide: (command: C, state: S) => Decision<E>,
    options: RunOptions,
  ): Promise<CommandOutcome> {
    for (let attempt = 1; ; attempt++) {
      const { version, events } = attempt === 1 && options.newStream ? { version: 0, events: [] } : await this.store.readStream(stream);
      const state = fold(slice.aggregate, await this.opened<E>(events, id));
      const decision = decide(command, state);
      if (!decision.ok) return decision;
      const recordedAt = command.metadata.now;
      if (decision.events.length === 0) return { ok: true, streamVersion: version, eventIds: [], recordedAt };
      let sealed: { events: Record<string, unknown>[]; outbox: OutboxMessage[] };
      try {
        sealed = await this.sealed(slice, id, decision.events, command);
      } catch (error) {
        if (!(error instanceof ParticipantErasedError)) throw error;
        return refused('conflict', PARTICIPANT_ERASED, error.message);
      }
      await options.beforeAppend?.();
      try {
        const toAppend = decision.events.map((event, index) => ({
          eventId: uuidv7(),
          type: event.type,
          data: sealed.events[index] as Record<string, unknown>,
          metadata: {
            commandType: command.type,
            actor: command.metadata.actor,
            correlationId: command.metadata.correlationId,
            occurredAt: command.metadata.now,
          },
        }));
        const result = await this.store.append({
          streamId: stream,
          expectedVersion: version,
          events: toAppend,
          outbox: sealed.outbox,
        });
        return { ok: true, streamVersion: result.nextExpectedVersion, eventIds: toAppend.map((event) => event.eventId), recordedAt };
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError)) throw error;
        this.observer?.commandConflicted(command.type);
        if (attempt >= this.retry.attempts) throw new ConcurrentWriteError(stream, attempt);
        await sleep(this.backOff(attempt));
      }
    }
  }

  private backOff(attempt: number): number {
    return Math.floor(this.random() * Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1)));
  }

  /** The stream's events with their personal fields opened (or `[erased]`), one key lookup per participant. */
  private async opened<E extends DomainEvent>(events: readonly RecordedEvent[], id: string): Promise<E[]> {
    const data = await this.personalData.openEach(
      events.map((event) => event.data),
      (eventData) => participantOf(eventData) ?? id,
    );
    // The store keeps each event's type and data as the aggregate appended them.
    return events.map((event, index) => ({ type: event.type, data: data[index] }) as E);
  }

  /** The decision's events and their shared events, validated plain and then sealed: one key lookup per participant. */
  private async sealed<S, E extends DomainEvent>(
    slice: Slice<S, E>,
    id: string,
    events: readonly E[],
    command: Command,
  ): Promise<{ events: Record<string, unknown>[]; outbox: OutboxMessage[] }> {
    const personal = (slice.personal ?? {}) as Record<string, readonly string[]>;
    const published = events.flatMap((event) => slice.toShared(event, { id: uuidv7(), recordedBy: command.metadata.actor }));
    for (const event of published) {
      const checked = isTeamEvent(event) ? teamContracts.validate(event) : this.registry.validate(event);
      if (!checked.ok) throw new InvalidSharedEventError(checked.reason, checked.errors);
    }
    const values = [
      ...events.map((event) => {
        const data = event.data as Record<string, unknown>;
        return { participantId: participantOf(data) ?? id, data, fields: personal[event.type] ?? [] };
      }),
      // Team events hold nothing of a participant: nothing of theirs is sealed.
      ...published.map((event) => ({
        participantId: partitionKeyOf(event),
        data: event.data as Record<string, unknown>,
        fields: isTeamEvent(event) ? [] : personalFieldsOf(this.registry.find(event.type, event.version)),
      })),
    ];
    const sealed = await this.personalData.seal(values);
    return {
      events: sealed.slice(0, events.length),
      outbox: published.map((event, n) => ({
        messageId: event.id,
        key: partitionKeyOf(event),
        type: contractKey(event.type, event.version),
        payload: { ...event, data: sealed[events.length + n] },
      })),
    };
  }
}

/** The command's span (its append's is a child): its type, and how it ended (`accepted`, or the refusal's code). */
const traced = (command: Command, category: string, run: () => Promise<CommandOutcome>): Promise<CommandOutcome> =>
  inSpan(`command ${command.type}`, { attributes: { 'ips.command.type': command.type, 'ips.stream.category': category } }, async (span) => {
    const outcome = await run();
    span.setAttribute('ips.command.outcome', outcome.ok ? 'accepted' : outcome.error.code);
    return outcome;
  });

const participantOf = (data: Record<string, unknown>): string | undefined => (typeof data['participantId'] === 'string' ? data['participantId'] : undefined);
