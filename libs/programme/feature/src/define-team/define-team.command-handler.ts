import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideDefineTeam } from '@ips/programme/domain';
import { TeamDirectory } from '@ips/team-directory';
import { teamSlice } from '../team.slice';
import { DefineTeamCommand } from './define-team.command';

/**
 * The team's stream is the aggregate. An accepted definition answers once the service's own team directory has it
 * (bounded), so the same client's next `GET /programme/teams` and a referral naming the new team see it.
 */
@CommandHandler(DefineTeamCommand)
export class DefineTeamHandler implements ICommandHandler<DefineTeamCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly directory: TeamDirectory,
  ) {}

  async execute(command: DefineTeamCommand): Promise<CommandOutcome> {
    const outcome = await this.pipeline.run(teamSlice, command.data.teamId, command, decideDefineTeam);
    if (outcome.ok) await this.directory.waitForHead();
    return outcome;
  }
}
