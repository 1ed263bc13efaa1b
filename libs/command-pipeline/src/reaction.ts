import { ContractRegistry, SharedEvent, contracts } from '@ips/contracts';
import { MessageBus } from '@ips/messaging';
import { SpanKind, contextOfTraceparent, inSpan } from '@ips/observability';
import { Command, Decision, DomainError, DomainEvent } from '@ips/kernel';
import { CommandPipeline, Slice } from './command-pipeline';

type ParticipantCommand = Command<string, { readonly participantId: string }>;

/** A service's reaction to other agencies' shared events: pure `react`, then its own decider. */
export interface Reaction<S, E extends DomainEvent, C extends ParticipantCommand> {
  /** Consumer group on the bus, e.g. the service name. */
  readonly group: string;
  readonly slice: Slice<S, E>;
  readonly react: (event: SharedEvent) => C | null;
  readonly decide: (command: C, state: S) => Decision<E>;
}

/**
 * Runs a reaction for every valid shared event on the bus. Reactions note facts idempotently, so
 * at-least-once delivery is enough; a message that fails its contract is left to the team view's
 * dead letters, and a refusal is reported, not retried.
 */
export async function subscribeReaction<S, E extends DomainEvent, C extends ParticipantCommand>(
  bus: MessageBus,
  pipeline: CommandPipeline,
  reaction: Reaction<S, E, C>,
  onRefused: (error: DomainError, event: SharedEvent) => void = () => undefined,
  registry: ContractRegistry = contracts,
): Promise<ReactionProgress> {
  const positions = new Map<string, number>();
  await bus.subscribe(reaction.group, async ({ message, cursor }) => {
    const checked = registry.validate(message.payload);
    const command = checked.ok ? reaction.react(checked.event) : null;
    if (checked.ok && command) {
      // The reaction's command continues the trace of the command whose event it reacts to, across agencies.
      const outcome = await inSpan(
        `react to ${message.type}`,
        {
          kind: SpanKind.CONSUMER,
          parent: contextOfTraceparent(message.traceparent),
          attributes: { 'messaging.consumer.group.name': reaction.group, 'ips.message.type': message.type },
        },
        () => pipeline.run(reaction.slice, command.data.participantId, command, reaction.decide),
      );
      if (!outcome.ok) onRefused(outcome.error, checked.event);
    }
    positions.set(cursor.stream, cursor.position);
  });
  return { position: async (stream) => positions.get(stream) ?? 0 };
}

/** How far a reaction got in each stream of the bus since this process started. */
export interface ReactionProgress {
  position(stream: string): Promise<number>;
}
