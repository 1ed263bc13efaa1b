import { Command as NestCommand } from '@nestjs/cqrs';
import { Command, CommandIssuer } from '@ips/kernel';
import { CommandOutcome } from './command-pipeline';

/**
 * A use case's command as it travels the CommandBus: the decider's command (`type`, `data`) as a class Nest routes to
 * the use case's one `@CommandHandler`, with who issued it. Controllers, reactions and workers all dispatch these.
 *
 *     export class RaiseRelapseFlagCommand extends UseCaseCommand<RaiseRelapseFlag> {
 *       readonly type = 'RaiseRelapseFlag';
 *     }
 */
export abstract class UseCaseCommand<C extends Command> extends NestCommand<CommandOutcome> {
  abstract readonly type: C['type'];

  constructor(
    readonly data: C['data'],
    readonly metadata: CommandIssuer,
  ) {
    super();
  }
}
