import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { decideScheduleOnCall } from '@ips/employer/domain';
import { PROGRAMME_TEAMS, ProgrammeTeams } from '../contact-line/programme-teams.port';
import { onCallRosterSlice } from '../on-call-roster.slice';
import { ScheduleOnCallCommand } from './schedule-on-call.command';

/** The decider is told the programme's team with this id (zone and members), and whether the programme defines any team. */
@CommandHandler(ScheduleOnCallCommand)
export class ScheduleOnCallHandler implements ICommandHandler<ScheduleOnCallCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(PROGRAMME_TEAMS) private readonly teams: ProgrammeTeams,
  ) {}

  async execute({ type, data, metadata }: ScheduleOnCallCommand): Promise<CommandOutcome> {
    const [team, teamsDefined] = await Promise.all([this.teams.team(data.teamId), this.teams.anyTeamDefined()]);
    const programmeTeam = team && { name: team.name, timeZone: team.timeZone, members: team.members };
    return this.pipeline.run(onCallRosterSlice, data.teamId, { type, data: { ...data, programmeTeam, teamsDefined }, metadata }, decideScheduleOnCall);
  }
}
