import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideRecordBenefitsCounselling, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { RecordBenefitsCounsellingCommand } from './record-benefits-counselling.command';

@CommandHandler(RecordBenefitsCounsellingCommand)
export class RecordBenefitsCounsellingHandler implements ICommandHandler<RecordBenefitsCounsellingCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: RecordBenefitsCounsellingCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, unlessErased(decideRecordBenefitsCounselling));
  }
}
