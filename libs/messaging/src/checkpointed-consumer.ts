import { ContractRegistry, PublishedEvent, SharedEvent, TeamEvent, ValidationResult, contracts, isTeamEvent, teamContracts } from '@ips/contracts';
import { Following, RecordSource } from '@ips/event-store';
import { SqlDriver, SqlExecutor } from '@ips/postgres';
import { ConsumerStatus, ReportsStatus } from './consumer-status';
import { BusOrigin, Delivery } from './message-bus.port';
import { traceApplying } from './message-tracing';
import { BusRecordSource } from './projection/bus-record-source.adapter';
import { ConsumerCheckpoints, SourceChangedError } from './projection/consumer-checkpoints';

/** What a stopped consumer's reason ends with: the documented way on (docs/operations.md, decision 41). */
export const NEW_CLUSTER_WAY_ON =
  'it stops rather than skip what it has not seen. To go on, stop the services and run `npm run kafka:new-cluster` ' +
  '(every agency sends its outbox again to this cluster and every consumer reads it from offset 0, skipping by message ' +
  'id what it applied before; `-- --no-republish` only accepts the cluster), then start them again (docs/operations.md)';

export interface ConsumerOptions {
  /** Names the checkpoint, e.g. `team-view`. */
  readonly name: string;
  /** Applies one valid shared event; runs in the transaction that also stores the checkpoint. */
  readonly apply: (event: SharedEvent, tx: SqlExecutor) => Promise<void>;
  /**
   * Applies a run of valid events, in order, as `apply` would one by one (a few statements a run instead of a few
   * an event); runs in the transaction that stores the checkpoint. Without it, `apply` is called for each.
   */
  readonly applyAll?: (events: readonly SharedEvent[], tx: SqlExecutor) => Promise<void>;
  readonly registry?: ContractRegistry;
  /**
   * Applies one valid team event (the programme's registry of teams), in the same transaction as the checkpoint.
   * Without it, team events are passed over: the checkpoint moves past them and nothing is applied or dead-lettered.
   */
  readonly applyTeamEvent?: (event: TeamEvent, tx: SqlExecutor) => Promise<void>;
  /** Attempts before a message whose `apply` keeps failing goes to the dead letters. */
  readonly maxAttempts?: number;
  readonly onDeadLetter?: (delivery: Delivery, reason: string) => void;
  /**
   * Where dead letters go besides the consumer's table, e.g. a dead-letter topic. Awaited before the
   * checkpoint moves past the message, so a crash in between sends it again rather than losing it.
   */
  readonly deadLetterSink?: (delivery: Delivery, reason: string) => Promise<void>;
  /** Told after the commit which events were applied (never a skipped repeat): live views follow the read models with it. */
  readonly onApplied?: (events: readonly SharedEvent[]) => void;
  /** Told once when it stops (its checkpoints belong to another source, decision 41), with why and the way on. */
  readonly onStopped?: (reason: string) => void;
}

/**
 * Exactly-once effect under at-least-once delivery: the cursor of the last applied message and the
 * message's id are stored in the same transaction as its effect; a message at or below the cursor, or
 * one whose id was seen before (sent again, so at a new offset), is skipped. An invalid message
 * (unknown type or version, wrong fields) is never half-applied: it goes to the dead letters with the
 * reason, and consumption goes on.
 */
export class CheckpointedConsumer implements ReportsStatus {
  private readonly attempts = new Map<string, number>();
  private state: ConsumerStatus['state'] = 'starting';
  private stoppedBecause: string | undefined;
  private ends: (() => Promise<ReadonlyMap<string, number>>) | null = null;
  private endsRead: { readonly at: number; readonly ends: Promise<ReadonlyMap<string, number>> } | null = null;
  /** When the lag was first seen above 0 (ms since the epoch), null while caught up. */
  private behindSince: number | null = null;

  private constructor(
    private readonly driver: SqlDriver,
    private readonly options: ConsumerOptions,
    private readonly checkpoints: ConsumerCheckpoints,
  ) {}

  static async create(driver: SqlDriver, options: ConsumerOptions): Promise<CheckpointedConsumer> {
    return new CheckpointedConsumer(driver, options, await ConsumerCheckpoints.open(driver, options.name));
  }

  /**
   * Follows a source of deliveries (decision 5), a run at a time (`handleBatch`), from its stored checkpoints; `group`
   * names it at the source (a consumer group) when that differs from the checkpoints' name.
   */
  async follow(source: RecordSource<Delivery> | BusRecordSource, group = this.options.name): Promise<Following> {
    if ('origin' in source && source.origin) {
      const refusal = await this.refusalOf(await source.origin());
      if (refusal) {
        this.stop(refusal);
        return { stop: async () => undefined };
      }
    }
    const following = await source.follow({ name: group, resumeAfter: (stream) => this.position(stream), handle: this.handleBatch });
    this.following(() => source.ends());
    return following;
  }

  /** Says it is following, where its handler was subscribed directly (the in-process bus); `ends` where the source has them. */
  following(ends?: () => Promise<ReadonlyMap<string, number>>): void {
    this.state = 'following';
    this.ends = ends ?? null;
  }

  /**
   * Why its checkpoints cannot go on in this origin, or null (recording the origin on first sight): they were counted in
   * another cluster or topic, or a stream ends behind its checkpoint (a topic made again, or messages lost).
   */
  private async refusalOf(origin: BusOrigin): Promise<string | null> {
    const recorded = await this.checkpoints.origin();
    if (recorded !== null && recorded !== origin.id) {
      return `its checkpoints count in ${recorded}, but the bus is ${origin.id} (another Kafka cluster or topic): ${NEW_CLUSTER_WAY_ON}`;
    }
    for (const [stream, position] of await this.checkpoints.positions(origin.streamPrefix)) {
      const end = origin.ends.get(stream) ?? 0;
      if (end < position) {
        return `${stream} ends at ${end}, behind its checkpoint ${position} (the topic was made again, or messages were lost): ${NEW_CLUSTER_WAY_ON}`;
      }
    }
    if (recorded === null) await this.checkpoints.recordOrigin(origin.id);
    return null;
  }

  private stop(reason: string): void {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    this.stoppedBecause = reason;
    this.options.onStopped?.(reason);
  }

  /**
   * Whether it stopped (its checkpoints belong to another source, decision 41): the state alone, no I/O. For waiting on it
   * (`settled()`), where `status()` would also ask the source for its ends and read every checkpoint.
   */
  get stopped(): boolean {
    return this.state === 'stopped';
  }

  /** A stopped consumer refuses every delivery (the bus tries again later): it never moves past what it did not apply. */
  private refuseWhenStopped(): void {
    if (this.state === 'stopped') throw new SourceChangedError(this.options.name, this.stoppedBecause ?? 'stopped');
  }

  /** Where it stands: its state, and how far behind the source's ends (messages, and seconds since it fell behind). */
  async status(): Promise<ConsumerStatus> {
    const base = { consumer: this.options.name, state: this.state, ...(this.stoppedBecause ? { reason: this.stoppedBecause } : {}) };
    if (!this.ends) return { ...base, lag: null };
    let events = 0;
    for (const [stream, end] of await this.sourceEnds()) events += Math.max(0, end - (await this.position(stream)));
    const now = Date.now();
    this.behindSince = events === 0 ? null : (this.behindSince ?? now);
    return { ...base, lag: { events, seconds: this.behindSince === null ? 0 : (now - this.behindSince) / 1000 } };
  }

  /** The source's ends, asked at most once a second (Kafka: an admin request) however often health and metrics read. */
  private async sourceEnds(): Promise<ReadonlyMap<string, number>> {
    const now = Date.now();
    if (!this.endsRead || now - this.endsRead.at > 1000) this.endsRead = { at: now, ends: (this.ends as () => Promise<ReadonlyMap<string, number>>)() };
    try {
      return await this.endsRead.ends;
    } catch (error) {
      this.endsRead = null;
      throw error;
    }
  }

  readonly handle = async (delivery: Delivery): Promise<void> => {
    this.refuseWhenStopped();
    const checked = this.read(delivery);
    if (!checked.ok) {
      await this.deadLetter(delivery, checked.reason, checked.errors);
      return;
    }
    const key = `${delivery.cursor.stream}@${delivery.cursor.position}`;
    const span = traceApplying(this.options.name, [delivery]);
    try {
      const applied = await this.driver.transaction(async (tx) => {
        if (!(await this.claim(tx, delivery))) return false;
        await this.applyOne(checked.event, tx);
        return true;
      });
      span.end();
      this.attempts.delete(key);
      if (applied && isParticipantEvent(checked.event)) this.options.onApplied?.([checked.event]);
    } catch (error) {
      span.end({ error });
      if (error instanceof SourceChangedError) {
        this.stop(`${error.reason}: ${NEW_CLUSTER_WAY_ON}`);
        throw error;
      }
      const attempts = (this.attempts.get(key) ?? 0) + 1;
      this.attempts.set(key, attempts);
      if (attempts < (this.options.maxAttempts ?? 5)) throw error;
      this.attempts.delete(key);
      await this.deadLetter(delivery, `apply failed ${attempts} times: ${String(error)}`, []);
    }
  };

  /**
   * A batch of one stream's deliveries, in order: each run of valid messages is applied in one
   * transaction with its checkpoint, claimed together (three statements a run instead of three a message,
   * one commit instead of one per message). If a run fails, its messages go one by one through `handle`,
   * so a poison message is retried and dead-lettered alone.
   */
  readonly handleBatch = async (deliveries: readonly Delivery[]): Promise<void> => {
    this.refuseWhenStopped();
    try {
      await this.applyBatch(deliveries);
    } catch (error) {
      if (error instanceof SourceChangedError) this.stop(`${error.reason}: ${NEW_CLUSTER_WAY_ON}`);
      throw error;
    }
  };

  private async applyBatch(deliveries: readonly Delivery[]): Promise<void> {
    let run: { delivery: Delivery; event: Published }[] = [];
    const flush = async (): Promise<void> => {
      const pending = run;
      run = [];
      if (pending.length === 0) return;
      let applied: Published[];
      const spans = traceApplying(
        this.options.name,
        pending.map(({ delivery }) => delivery),
      );
      try {
        applied = await this.driver.transaction(async (tx) => {
          const fresh = await this.claimAll(
            tx,
            pending.map(({ delivery }) => delivery),
          );
          const events = pending.filter(({ delivery }) => fresh.has(delivery)).map(({ event }) => event);
          await this.applyInOrder(events, tx);
          return events;
        });
      } catch (error) {
        spans.end(error instanceof SourceChangedError ? { error } : { retriedAlone: true });
        if (error instanceof SourceChangedError) throw error;
        for (const { delivery } of pending) await this.handle(delivery);
        return;
      }
      spans.end();
      const participantEvents = applied.filter(isParticipantEvent);
      if (participantEvents.length > 0) this.options.onApplied?.(participantEvents);
    };
    for (const delivery of deliveries) {
      const checked = this.read(delivery);
      if (checked.ok) {
        run.push({ delivery, event: checked.event });
      } else {
        await flush();
        await this.deadLetter(delivery, checked.reason, checked.errors);
      }
    }
    await flush();
  }

  /** A participant event by the consumer's registry, or a team event by the team contracts (by the message's type). */
  private read(delivery: Delivery): ValidationResult<Published> {
    if (teamContracts.has(delivery.message.type)) return teamContracts.validate(delivery.message.payload);
    return (this.options.registry ?? contracts).validate(delivery.message.payload);
  }

  private async applyOne(event: Published, tx: SqlExecutor): Promise<void> {
    if (isParticipantEvent(event)) await this.options.apply(event, tx);
    else await this.options.applyTeamEvent?.(event, tx);
  }

  /** In delivery order: each run of participant events with `applyAll` (or `apply` one by one), team events one by one. */
  private async applyInOrder(events: readonly Published[], tx: SqlExecutor): Promise<void> {
    for (let start = 0; start < events.length;) {
      const first = events[start] as Published;
      if (!isParticipantEvent(first)) {
        await this.applyOne(first, tx);
        start++;
        continue;
      }
      let end = start + 1;
      while (end < events.length && isParticipantEvent(events[end] as Published)) end++;
      const participantEvents = events.slice(start, end) as SharedEvent[];
      if (this.options.applyAll) await this.options.applyAll(participantEvents, tx);
      else for (const event of participantEvents) await this.options.apply(event, tx);
      start = end;
    }
  }

  position(stream: string): Promise<number> {
    return this.checkpoints.position(stream);
  }

  /** Moves the checkpoint to this delivery; false when it was applied before. */
  private async claim(tx: SqlExecutor, delivery: Delivery): Promise<boolean> {
    return (await this.claimAll(tx, [delivery])).has(delivery);
  }

  /**
   * Moves the checkpoint past a run of one stream's deliveries, in order, and returns those not applied before: not at
   * or below the checkpoint, and not seen by id (a message sent again arrives at a new offset).
   */
  private async claimAll(tx: SqlExecutor, deliveries: readonly Delivery[]): Promise<ReadonlySet<Delivery>> {
    const ahead = (
      await this.checkpoints.claim(
        tx,
        deliveries.map((delivery) => ({ ...delivery.cursor, id: delivery.message.id, delivery })),
      )
    ).map(({ delivery }) => delivery);
    if (ahead.length === 0) return new Set();
    const inserted = await tx.query<{ message_id: string }>(
      `insert into msg_processed_messages (consumer, message_id) select $1, id from unnest($2::text[]) as id
       on conflict do nothing returning message_id`,
      [this.options.name, ahead.map((delivery) => delivery.message.id)],
    );
    // A message id twice in one run (sent again within it) counts once: at its first delivery.
    const newIds = new Set(inserted.map((r) => r.message_id));
    const fresh = new Set<Delivery>();
    for (const delivery of ahead) {
      if (newIds.delete(delivery.message.id)) fresh.add(delivery);
    }
    return fresh;
  }

  private async deadLetter(delivery: Delivery, reason: string, errors: readonly unknown[]): Promise<void> {
    if (this.options.deadLetterSink && delivery.cursor.position > (await this.position(delivery.cursor.stream))) {
      await this.options.deadLetterSink(delivery, reason);
    }
    await this.driver.transaction(async (tx) => {
      if (!(await this.claim(tx, delivery))) return;
      await tx.query(
        `insert into msg_dead_letters (consumer, stream, position, message_id, message, reason, errors)
         values ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb)`,
        [
          this.options.name,
          delivery.cursor.stream,
          delivery.cursor.position,
          delivery.message.id,
          JSON.stringify(delivery.message),
          reason,
          JSON.stringify(errors),
        ],
      );
    });
    this.options.onDeadLetter?.(delivery, reason);
  }
}

type Published = PublishedEvent;

const isParticipantEvent = (event: Published): event is SharedEvent => !isTeamEvent(event);
