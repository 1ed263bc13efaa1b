import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideEndTreatment } from '@ips/mental-health/domain';
import { participantCareSlice } from '../participant-care.slice';
import { EndTreatmentCommand } from './end-treatment.command';

@CommandHandler(EndTreatmentCommand)
export class EndTreatmentHandler implements ICommandHandler<EndTreatmentCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: EndTreatmentCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantCareSlice, command.data.participantId, command, decideEndTreatment);
  }
}
