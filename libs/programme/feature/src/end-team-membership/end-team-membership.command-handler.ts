import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideEndTeamMembership } from '@ips/programme/domain';
import { TeamDirectory } from '@ips/team-directory';
import { teamSlice } from '../team.slice';
import { EndTeamMembershipCommand } from './end-team-membership.command';

/** Decided on the team's whole history; an accepted end answers once the service's own team directory has it (bounded). */
@CommandHandler(EndTeamMembershipCommand)
export class EndTeamMembershipHandler implements ICommandHandler<EndTeamMembershipCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly directory: TeamDirectory,
  ) {}

  async execute(command: EndTeamMembershipCommand): Promise<CommandOutcome> {
    const outcome = await this.pipeline.run(teamSlice, command.data.teamId, command, decideEndTeamMembership);
    if (outcome.ok) await this.directory.waitForHead();
    return outcome;
  }
}
