import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, TEAM_LIST } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { isCurrentOn, teamDay } from '../team-day';
import { MemberPeriod, TeamDirectory, TeamWithMembers } from '../team-directory';
import { ListTeamsQueryDto, TeamListDto, TeamListEntryDto, TeamMemberDto } from './list-teams.dto';

const byNameThenFrom = (a: MemberPeriod, b: MemberPeriod): number =>
  a.displayName.localeCompare(b.displayName) || a.sub.localeCompare(b.sub) || a.from.localeCompare(b.from);

const toMember = ({ sub, displayName, agency, role, from, until }: MemberPeriod): TeamMemberDto => ({ sub, displayName, agency, role, from, until });

@ApiTags('programme')
@ApiBearerAuth()
@Controller('programme/teams')
export class ListTeamsController {
  constructor(
    private readonly directory: TeamDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "The teams the reader works with, by name, each with its current members (from ≤ the team's today < until): every team for the " +
      "programme's staff; for anyone else the teams they are a member or supervisor of today (none: an empty list). With " +
      '?history=true the administrator, and a supervisor for their own teams, get every period, ended ones included. Staff ' +
      "data only, nothing of a participant: no participant's access log records it. Read from this service's own team directory.",
  })
  @ApiOkResponse({ type: TeamListDto })
  async list(@CurrentPrincipal() reader: Principal, @Query() query: ListTeamsQueryDto): Promise<TeamListDto> {
    const now = this.clock.now();
    const teamIds = TEAM_LIST.seesEveryTeam(reader) ? undefined : (await this.directory.teamsOf(reader, now)).map(({ team }) => team.teamId);
    const teams = await this.directory.withMembers(teamIds);
    return { teams: teams.map((team) => this.entry(team, reader, now, query.history === 'true')) };
  }

  private entry(team: TeamWithMembers, reader: Principal, now: Date, historyAsked: boolean): TeamListEntryDto {
    const today = teamDay(team.timeZone, now);
    const current = team.members.filter((period) => isCurrentOn(period, today));
    const history = historyAsked && TEAM_LIST.seesHistory(reader, current);
    const { teamId, name, municipality, timeZone } = team;
    return { teamId, name, municipality, timeZone, today, history, members: [...(history ? team.members : current)].sort(byNameThenFrom).map(toMember) };
  }
}
