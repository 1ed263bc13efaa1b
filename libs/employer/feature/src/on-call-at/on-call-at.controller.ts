import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CLOCK, Clock } from '@ips/kernel';
import { instantToLocal, onCallAt, shiftsOf } from '@ips/employer/domain';
import { PathId, ProblemException } from '@ips/http';
import { ApiInvalidRequest, ApiProblem, OnCallController } from '../contact-line/contact-line-route';
import { OnDutyDirectory } from '../contact-line/on-duty.directory';
import { PROGRAMME_TEAMS, ProgrammeTeams } from '../contact-line/programme-teams.port';
import { OnCallAtQueryDto, OnCallTeamDto } from './on-call-at.dto';

@OnCallController()
export class OnCallAtController {
  constructor(
    private readonly rosters: OnDutyDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROGRAMME_TEAMS) private readonly teams: ProgrammeTeams,
  ) {}

  @Get('teams/:teamId')
  @ApiOperation({
    summary:
      "The team's on-call: who is on call at an instant (now when left out) and the shifts ahead, in UTC and local time. " +
      "A programme team (its name and zone are the programme's) or an on-call team defined here before teams.",
  })
  @ApiOkResponse({ type: OnCallTeamDto })
  @ApiInvalidRequest('at', 'at must be an instant with its zone, e.g. 2026-03-02T21:30:00Z')
  @ApiProblem(404, 'ON_CALL.TEAM_NOT_FOUND', 'no on-call team with this id')
  async team(@PathId('teamId') teamId: string, @Query() query: OnCallAtQueryDto): Promise<OnCallTeamDto> {
    const [roster, programmeTeam] = await Promise.all([this.rosters.roster(teamId), this.teams.team(teamId)]);
    const defined = roster.status === 'Defined' ? roster : null;
    const team = programmeTeam ?? defined;
    if (!team) throw ProblemException.of(404, 'ON_CALL.TEAM_NOT_FOUND', 'no on-call team with this id');
    const at = new Date(query.at ?? this.clock.now()).toISOString();
    const local = (instant: string) => instantToLocal(instant, team.timeZone);
    return {
      teamId,
      name: team.name,
      timeZone: team.timeZone,
      programmeTeam: programmeTeam !== null,
      employmentSpecialistIds: [...(defined?.employmentSpecialistIds ?? [])],
      at,
      atLocal: local(at),
      onCall: onCallAt(roster, at, null),
      shifts: shiftsOf(roster)
        .filter((shift) => shift.to > at)
        .sort((a, b) => a.from.localeCompare(b.from))
        .map((shift) => ({ ...shift, fromLocal: local(shift.from), toLocal: local(shift.to) })),
    };
  }
}
