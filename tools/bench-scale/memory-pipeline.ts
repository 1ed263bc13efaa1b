/**
 * The scale bench's fast path: the command pipeline's decide → seal → append, without reading the stream back.
 *
 * `CommandPipeline.run` reads the stream and folds it before every command (and opens its sealed fields): for a
 * history of ~100 commands that is ~5,000 events read and folded per participant, which is where most of a naive
 * generator's time goes. Here the generator is the only writer of the streams it writes, so each stream's state and
 * version stay in memory from its last append (folded on the plain events the decider returned: what a read would
 * open) and are dropped when the participant's history is written (`forget`). Everything else is the pipeline's:
 * the real slices and deciders, `toShared`, every shared event validated against its contract, personal fields
 * sealed with the participant's key, and one `EventStore.append` per command with the expected version and the
 * shared events for the outbox in the same append (the store's group commit puts many participants' appends in one
 * statement). Kept in step with `libs/command-pipeline/src/command-pipeline.ts` by hand: the int test checks the
 * outbox against the contracts and the reads against the generated plan.
 */
import { ContractRegistry, contractKey, contracts, isTeamEvent, partitionKeyOf, personalFieldsOf, teamContracts } from '@ips/contracts';
import { CommandOutcome, InvalidSharedEventError, PARTICIPANT_ERASED, Slice } from '@ips/command-pipeline';
import { EventStore, OutboxMessage } from '@ips/event-store';
import { ParticipantErasedError, PersonalData } from '@ips/personal-data';
import { uuidv7 } from '@ips/utils';
import { Command, Decision, DomainEvent, streamId } from '@ips/kernel';

interface StreamState {
  state: unknown;
  version: number;
}

export class MemoryPipeline {
  private readonly streams = new Map<string, StreamState>();
  /** The streams written for each aggregate id, so that `forget(id)` drops them all. */
  private readonly streamsOf = new Map<string, string[]>();

  constructor(
    private readonly store: EventStore,
    private readonly personalData: PersonalData,
    private readonly registry: ContractRegistry = contracts,
  ) {}

  /** As `CommandPipeline.run`; the caller runs one participant's commands one after another. */
  async run<S, E extends DomainEvent, C extends Command>(
    slice: Slice<S, E>,
    id: string,
    command: C,
    decide: (command: C, state: S) => Decision<E>,
  ): Promise<CommandOutcome> {
    const stream = streamId(slice.aggregate.category, id);
    let current = this.streams.get(stream);
    if (!current) {
      current = { state: slice.aggregate.initialState, version: 0 };
      this.streams.set(stream, current);
      const list = this.streamsOf.get(id);
      if (list) list.push(stream);
      else this.streamsOf.set(id, [stream]);
    }
    const decision = decide(command, current.state as S);
    if (!decision.ok) return decision;
    if (decision.events.length === 0) return { ok: true, streamVersion: current.version, eventIds: [], recordedAt: command.metadata.now };
    let sealed: { events: Record<string, unknown>[]; outbox: OutboxMessage[] };
    try {
      sealed = await this.sealed(slice, id, decision.events, command);
    } catch (error) {
      if (!(error instanceof ParticipantErasedError)) throw error;
      return { ok: false, error: { code: PARTICIPANT_ERASED, kind: 'conflict', message: error.message } };
    }
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
    const result = await this.store.append({ streamId: stream, expectedVersion: current.version, events: toAppend, outbox: sealed.outbox });
    current.state = decision.events.reduce(slice.aggregate.evolve, current.state as S);
    current.version = result.nextExpectedVersion;
    return { ok: true, streamVersion: result.nextExpectedVersion, eventIds: toAppend.map((event) => event.eventId), recordedAt: command.metadata.now };
  }

  /** Drops the streams of this aggregate id (a participant whose history is written). */
  forget(id: string): void {
    for (const stream of this.streamsOf.get(id) ?? []) this.streams.delete(stream);
    this.streamsOf.delete(id);
  }

  /** As `CommandPipeline.sealed`: shared events validated plain, then events and shared events sealed together. */
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

const participantOf = (data: Record<string, unknown>): string | undefined => (typeof data['participantId'] === 'string' ? data['participantId'] : undefined);
