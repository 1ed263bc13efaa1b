import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideRegisterEmployer } from '@ips/employer/domain';
import { employerSlice } from '../employer.slice';
import { RegisterEmployerCommand } from './register-employer.command';

@CommandHandler(RegisterEmployerCommand)
export class RegisterEmployerHandler implements ICommandHandler<RegisterEmployerCommand, CommandOutcome> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute(command: RegisterEmployerCommand): Promise<CommandOutcome> {
    return this.pipeline.run(employerSlice, command.data.employerId, command, decideRegisterEmployer);
  }
}
