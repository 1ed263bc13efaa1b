import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideAddTeamMember } from '@ips/programme/domain';
import { TeamDirectory } from '@ips/team-directory';
import { teamSlice } from '../team.slice';
import { AddTeamMemberCommand } from './add-team-member.command';

/** Decided on the team's whole history; an accepted member answers once the service's own team directory has them (bounded). */
@CommandHandler(AddTeamMemberCommand)
export class AddTeamMemberHandler implements ICommandHandler<AddTeamMemberCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly directory: TeamDirectory,
  ) {}

  async execute(command: AddTeamMemberCommand): Promise<CommandOutcome> {
    const outcome = await this.pipeline.run(teamSlice, command.data.teamId, command, decideAddTeamMember);
    if (outcome.ok) await this.directory.waitForHead();
    return outcome;
  }
}
