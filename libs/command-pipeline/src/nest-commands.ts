import { Inject, Injectable, Module } from '@nestjs/common';
import { Command as NestCommand, CommandBus, CommandHandler, CqrsModule, ICommandHandler } from '@nestjs/cqrs';
import { Principal, commandMetadata } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { ProblemException, domainProblem } from '@ips/http';
import { Command, Decision, DomainEvent } from '@ips/kernel';
import { CommandOutcome, CommandPipeline, ConcurrentWriteError, RunOptions, Slice } from './command-pipeline';

type AnyCommand = Command<string, object>;
type AnyDecide = (command: AnyCommand, state: unknown) => Decision<DomainEvent>;

/** Any command of any agency: which aggregate instance, and how to decide. The pipeline does the rest. */
export class ExecuteCommand extends NestCommand<CommandOutcome> {
  constructor(
    readonly slice: Slice<unknown, DomainEvent>,
    readonly aggregateId: string,
    readonly command: AnyCommand,
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

/** What a command that was carried out tells its caller. */
export interface Recorded {
  /** The command's time: the recorded events' `at`. */
  readonly recordedAt: string;
}

/** What controllers call: builds the command with its metadata, dispatches it, turns a refusal into a problem. */
@Injectable()
export class Commands {
  constructor(
    private readonly bus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
    const command = { type, data, metadata: commandMetadata(principal, this.clock, correlationId) };
    const outcome = await this.bus
      .execute(new ExecuteCommand(slice as Slice<unknown, DomainEvent>, aggregateId, command, decide as unknown as AnyDecide, options))
      .catch((error: unknown) => {
        throw error instanceof ConcurrentWriteError ? concurrentWriteProblem() : error;
      });
    if (!outcome.ok) throw domainProblem(outcome.error);
    return { recordedAt: command.metadata.now };
  }
}

/** Another process kept writing the same record through every retry: nothing was stored, so sending it again is safe. */
export const concurrentWriteProblem = (): ProblemException =>
  ProblemException.of(
    409,
    'STREAM.CONCURRENT_WRITE',
    'someone else was saving to this record at the same moment and nothing of yours was stored; please send it again',
  ).withHeaders({ 'retry-after': '1' });

/** Import in a feature module to get `Commands`; CommandPipeline and CLOCK come from the composing app. */
@Module({ imports: [CqrsModule], providers: [ExecuteCommandHandler, Commands], exports: [Commands, CqrsModule] })
export class CommandsModule {}
