import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideDefineOnCallTeam } from '@ips/employer/domain';
import { PROGRAMME_TEAMS, ProgrammeTeams } from '../contact-line/programme-teams.port';
import { onCallRosterSlice } from '../on-call-roster.slice';
import { DefineOnCallTeamCommand } from './define-on-call-team.command';

/** The decider is told whether the programme defines any team yet (the service's team directory). */
@CommandHandler(DefineOnCallTeamCommand)
export class DefineOnCallTeamHandler implements ICommandHandler<DefineOnCallTeamCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(PROGRAMME_TEAMS) private readonly teams: ProgrammeTeams,
  ) {}

  async execute({ type, data, metadata }: DefineOnCallTeamCommand): Promise<CommandOutcome> {
    const teamsDefined = await this.teams.anyTeamDefined();
    return this.pipeline.run(onCallRosterSlice, data.teamId, { type, data: { ...data, teamsDefined }, metadata }, decideDefineOnCallTeam);
  }
}
