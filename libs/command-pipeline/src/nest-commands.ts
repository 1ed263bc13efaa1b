import { Injectable, Module } from '@nestjs/common';
import { Command as NestCommand, CommandBus, CommandHandler, CqrsModule, ICommandHandler } from '@nestjs/cqrs';
import { Principal, commandIssuer } from '@ips/access';
import { Command, Decision, DomainEvent, accepted } from '@ips/kernel';
import { CommandOutcome, CommandPipeline, Recorded, RunOptions, Slice } from './command-pipeline';

type AnyCommand = Command<string, object>;
type AnyDecide = (command: AnyCommand, state: unknown) => Decision<DomainEvent>;

/**
 * @deprecated The generic hop being replaced, one agency at a time, by a UseCaseCommand and a `@CommandHandler` per use
 * case (issue 25). Any command of any agency: which aggregate instance, and how to decide.
 */
export class ExecuteCommand extends NestCommand<CommandOutcome> {
  constructor(
    readonly slice: Slice<unknown, DomainEvent>,
    readonly aggregateId: string,
    readonly command: Omit<AnyCommand, 'metadata'> & { readonly metadata: ReturnType<typeof commandIssuer> },
    readonly decide: AnyDecide,
    readonly options: RunOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ slice, aggregateId, command, decide, options }: ExecuteCommand): Promise<CommandOutcome> {
    return this.pipeline.run(slice, aggregateId, command, decide, options);
  }
}

/** @deprecated See ExecuteCommand. Builds the command, dispatches it; a refusal is thrown as CommandRefused. */
@Injectable()
export class Commands {
  constructor(private readonly bus: CommandBus) {}

  async execute<S, E extends DomainEvent, T extends string, D extends object>(
    slice: Slice<S, E>,
    aggregateId: string,
    type: T,
    data: D,
    decide: (command: Command<T, D>, state: S) => Decision<E>,
    principal: Principal,
    correlationId?: string,
    options?: RunOptions,
  ): Promise<Recorded> {
    const command = { type, data, metadata: commandIssuer(principal, correlationId) };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the generic hop erases the types; it is going away
    return accepted(await this.bus.execute(new ExecuteCommand(slice as Slice<unknown, DomainEvent>, aggregateId, command, decide as any, options)));
  }
}

/** @deprecated See ExecuteCommand. */
@Module({ imports: [CqrsModule], providers: [ExecuteCommandHandler, Commands], exports: [Commands, CqrsModule] })
export class CommandsModule {}
