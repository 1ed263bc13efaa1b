import { Inject, Injectable } from '@nestjs/common';
import { Command as NestCommand, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock, Principal, commandMetadata } from '@ips/access';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { domainProblem } from '@ips/http';
import { ParticipantEvent, ParticipantState } from '@ips/welfare-office/domain';
import { Command, Decision } from '@ips/utils';
import { participantSlice } from './participant.slice';

type ParticipantCommand = Command<string, { readonly participantId: string }>;
type Decide<C> = (command: C, state: ParticipantState) => Decision<ParticipantEvent>;

/** Any welfare-office participant command: the pipeline does the rest. */
export class ExecuteParticipantCommand extends NestCommand<CommandOutcome> {
  constructor(
    readonly command: ParticipantCommand,
    readonly decide: Decide<ParticipantCommand>,
  ) {
    super();
  }
}

@CommandHandler(ExecuteParticipantCommand)
export class ParticipantCommandHandler implements ICommandHandler<ExecuteParticipantCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, decide }: ExecuteParticipantCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, decide);
  }
}

/** What controllers call: builds the command with its metadata, dispatches it, turns a refusal into a problem. */
@Injectable()
export class ParticipantCommands {
  constructor(
    private readonly bus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute<T extends string, D extends { readonly participantId: string }>(
    type: T,
    data: D,
    decide: Decide<Command<T, D>>,
    principal: Principal,
    correlationId?: string,
  ): Promise<void> {
    const command = { type, data, metadata: commandMetadata(principal, this.clock, correlationId) };
    const outcome = await this.bus.execute(new ExecuteParticipantCommand(command, decide as Decide<ParticipantCommand>));
    if (!outcome.ok) throw domainProblem(outcome.error);
  }
}
