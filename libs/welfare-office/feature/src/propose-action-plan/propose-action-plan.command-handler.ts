import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideProposeActionPlan, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { ProposeActionPlanCommand } from './propose-action-plan.command';

@CommandHandler(ProposeActionPlanCommand)
export class ProposeActionPlanHandler implements ICommandHandler<ProposeActionPlanCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: ProposeActionPlanCommand): Promise<CommandOutcome> {
    return this.pipeline.run(participantSlice, command.data.participantId, command, unlessErased(decideProposeActionPlan));
  }
}
