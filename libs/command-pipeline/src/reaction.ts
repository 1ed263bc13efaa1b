import { Type } from '@nestjs/common';
import { ICommandHandler } from '@nestjs/cqrs';
import { ContractRegistry, SharedEvent, contracts } from '@ips/contracts';
import { Command, DomainError } from '@ips/kernel';
import { MessageBus } from '@ips/messaging';
import { SpanKind, contextOfTraceparent, inSpan } from '@ips/observability';
import { CommandOutcome } from './command-pipeline';
import { UseCaseCommand } from './use-case-command';

/** A service's reaction to other agencies' shared events: the domain's pure `react`, as the use case's command. */
export interface Reaction {
  /** Consumer group on the bus, e.g. the service name. */
  readonly group: string;
  readonly react: (event: SharedEvent) => UseCaseCommand<Command> | null;
  /** The `@CommandHandler`s of the commands `react` makes (the feature module provides them too). */
  readonly handlers: readonly Type<ICommandHandler>[];
}

/** Where a reaction's commands go: the service's CommandBus, like every other command. */
export interface CommandDispatcher {
  execute(command: UseCaseCommand<Command>): Promise<CommandOutcome>;
}

/**
 * Runs a reaction for every valid shared event on the bus. Reactions note facts idempotently, so
 * at-least-once delivery is enough; a message that fails its contract is left to the team view's
 * dead letters, and a refusal is reported, not retried.
 */
export async function subscribeReaction(
  bus: MessageBus,
  commands: CommandDispatcher,
  reaction: Reaction,
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
        () => commands.execute(command),
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
