import { ContractRegistry, SharedEvent, contractKey, contracts } from '@ips/contracts';
import { EventStore, OutboxMessage, StreamVersionConflictError } from '@ips/event-store';
import { Aggregate, Command, Decision, DomainError, DomainEvent, fold, streamId, uuidv7 } from '@ips/utils';

export type ToShared<E> = (
  event: E,
  envelope: Pick<SharedEvent, 'id' | 'recordedBy'>,
) => readonly SharedEvent<string, object>[];

/** An aggregate as the pipeline needs it: how to fold it, and what of its events other agencies learn. */
export interface Slice<S, E extends DomainEvent> {
  readonly aggregate: Aggregate<S, E>;
  readonly toShared: ToShared<E>;
}

export type CommandOutcome =
  | { readonly ok: true; readonly streamVersion: number; readonly eventIds: readonly string[] }
  | { readonly ok: false; readonly error: DomainError };

export class InvalidSharedEventError extends Error {
  constructor(reason: string, details: unknown) {
    super(`refusing to publish an invalid shared event: ${reason} ${JSON.stringify(details)}`);
    this.name = 'InvalidSharedEventError';
  }
}

const MAX_ATTEMPTS = 3;

/**
 * read stream → fold → decide → append with expected version, shared events to the outbox in the same
 * transaction. A concurrent write to the same stream means deciding again on the new state.
 */
export class CommandPipeline {
  constructor(
    private readonly store: EventStore,
    private readonly registry: ContractRegistry = contracts,
  ) {}

  async run<S, E extends DomainEvent, C extends Command>(
    slice: Slice<S, E>,
    id: string,
    command: C,
    decide: (command: C, state: S) => Decision<E>,
  ): Promise<CommandOutcome> {
    const stream = streamId(slice.aggregate.category, id);
    for (let attempt = 1; ; attempt++) {
      const { version, events } = await this.store.readStream(stream);
      const state = fold(slice.aggregate, events.map((event) => ({ type: event.type, data: event.data }) as unknown as E));
      const decision = decide(command, state);
      if (!decision.ok) return decision;
      if (decision.events.length === 0) return { ok: true, streamVersion: version, eventIds: [] };
      try {
        const toAppend = decision.events.map((event) => ({
          eventId: uuidv7(),
          type: event.type,
          data: event.data as Record<string, unknown>,
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
          outbox: decision.events.flatMap((event) => this.outboxMessages(slice.toShared, event, command)),
        });
        return { ok: true, streamVersion: result.nextExpectedVersion, eventIds: toAppend.map((event) => event.eventId) };
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private outboxMessages<E extends DomainEvent>(toShared: ToShared<E>, event: E, command: Command): OutboxMessage[] {
    return toShared(event, { id: uuidv7(), recordedBy: command.metadata.actor }).map((shared) => {
      const checked = this.registry.validate(shared);
      if (!checked.ok) throw new InvalidSharedEventError(checked.reason, checked.errors);
      return {
        messageId: shared.id,
        key: shared.participantId,
        type: contractKey(shared.type, shared.version),
        payload: shared as unknown as Record<string, unknown>,
      };
    });
  }
}
