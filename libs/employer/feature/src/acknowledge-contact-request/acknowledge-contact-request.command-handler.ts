import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideAcknowledgeContactRequest } from '@ips/employer/domain';
import { lineReaderOf } from '@ips/access';
import { reachableRequest, requestNotReachable } from '../contact-line/reachable-request';
import { contactRequestSlice } from '../contact-request.slice';
import { AcknowledgeContactRequestCommand } from './acknowledge-contact-request.command';

/** On a request the actor may reach only: the crisis service what reached its tier (404 otherwise, as for none). */
@CommandHandler(AcknowledgeContactRequestCommand)
export class AcknowledgeContactRequestHandler implements ICommandHandler<AcknowledgeContactRequestCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute(command: AcknowledgeContactRequestCommand): Promise<CommandOutcome> {
    const { requestId } = command.data;
    if (!(await reachableRequest(this.pipeline, requestId, lineReaderOf(command.metadata.actor)))) return { ok: false, error: requestNotReachable };
    return this.pipeline.run(contactRequestSlice, requestId, command, decideAcknowledgeContactRequest);
  }
}
