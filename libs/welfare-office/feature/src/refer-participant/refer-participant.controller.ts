import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { DEFAULT_TEAM_ID } from '@ips/contracts';
import { ApiProblem, CorrelationId, ProblemException } from '@ips/http';
import { ParticipantErrors, decideReferParticipant } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { TEAM_REGISTRY, TeamRegistry } from '../team-registry.port';
import { ReferParticipantDto, ReferralCreatedDto } from './refer-participant.dto';

const TEAM_REQUIRED = { field: 'teamId', message: 'is required once teams are defined' };

@ApiTags('welfare-office')
@ApiBearerAuth()
@Controller('welfare-office')
export class ReferParticipantController {
  constructor(
    private readonly commands: ParticipantCommands,
    @Inject(TEAM_REGISTRY) private readonly teams: TeamRegistry,
  ) {}

  @Post('referrals')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Refer someone to IPS, to a team. Zero exclusion: never refused for symptoms, use, history or readiness. ' +
      'The team is required once the programme has defined one; until then the referral goes to the default team.',
  })
  @ApiCreatedResponse({ type: ReferralCreatedDto })
  @ApiProblem(404, [ParticipantErrors.teamNotFound], 'no team with this id')
  async refer(
    @Body() body: ReferParticipantDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<ReferralCreatedDto> {
    const teamId = await this.teamOf(body.teamId);
    const participantId = randomUUID();
    await this.commands.execute(
      'ReferParticipant',
      {
        participantId,
        givenName: body.givenName,
        familyName: body.familyName,
        birthDate: body.birthDate,
        referredBy: body.referredBy,
        reason: body.reason ?? null,
        teamId,
      },
      decideReferParticipant,
      principal,
      correlationId,
    );
    return { participantId };
  }

  /** The team named, if the programme defined it; none named means the default team, but only while no team is defined. */
  private async teamOf(teamId: string | undefined): Promise<string> {
    if (teamId !== undefined) {
      if (await this.teams.teamExists(teamId)) return teamId;
      throw ProblemException.of(404, ParticipantErrors.teamNotFound, 'no team with this id');
    }
    if (!(await this.teams.anyTeamDefined())) return DEFAULT_TEAM_ID;
    throw ProblemException.of(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', [TEAM_REQUIRED]);
  }
}
