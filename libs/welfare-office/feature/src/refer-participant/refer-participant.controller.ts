import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { DEFAULT_TEAM_ID } from '@ips/contracts';
import { ApiProblem, CorrelationId, ProblemDetails, ProblemException, problemDetails, problemType } from '@ips/http';
import { ParticipantErrors, decideReferParticipant } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { TEAM_REGISTRY, TeamRegistry } from '../team-registry.port';
import { ReferParticipantDto, ReferralCreatedDto } from './refer-participant.dto';
import { ReferralFingerprints } from './referral-fingerprints';

const TEAM_REQUIRED = { field: 'teamId', message: 'is required once teams are defined' };
const DUPLICATE_DETAIL =
  'someone with the same name and birth date is already referred in one of your teams; open their record, or send the referral again with confirmNotDuplicate: true';

/** The 409 of a possible duplicate: the problem, plus the participants the referrer may open. */
export type PossibleDuplicateProblem = ProblemDetails & { readonly duplicates: readonly { readonly participantId: string }[] };

@ApiTags('welfare-office')
@ApiBearerAuth()
@Controller('welfare-office')
export class ReferParticipantController {
  constructor(
    private readonly commands: ParticipantCommands,
    @Inject(TEAM_REGISTRY) private readonly teams: TeamRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly fingerprints: ReferralFingerprints,
  ) {}

  @Post('referrals')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Refer someone to IPS, to a team. Zero exclusion: never refused for symptoms, use, history or readiness. ' +
      'The team is required once the programme has defined one; until then the referral goes to the default team. ' +
      "Someone with the same name and birth date already referred in one of the referrer's teams (not withdrawn or erased) " +
      'is a possible duplicate: 409 naming them, unless confirmNotDuplicate is true.',
  })
  @ApiCreatedResponse({ type: ReferralCreatedDto })
  @ApiProblem(404, [ParticipantErrors.teamNotFound], 'no team with this id')
  // The shared Problem schema has no `duplicates` (yet): the field is told in words, the example shows the rest.
  @ApiResponse({
    status: 409,
    description:
      `${ParticipantErrors.possibleDuplicate}: someone with the same name and birth date is already referred (not withdrawn or erased) in one ` +
      "of the referrer's teams. The problem also carries `duplicates: [{ participantId }]`, those participants (never one of " +
      'a team the referrer is not on). Sent again with confirmNotDuplicate: true, the record is made.',
    content: {
      'application/problem+json': {
        example: {
          type: problemType(ParticipantErrors.possibleDuplicate),
          title: 'Conflict',
          status: 409,
          detail: DUPLICATE_DETAIL,
          code: ParticipantErrors.possibleDuplicate,
        },
      },
    },
  })
  async refer(
    @Body() body: ReferParticipantDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<ReferralCreatedDto> {
    const teamId = await this.teamOf(body.teamId);
    const fingerprint = this.fingerprints.fingerprintOf(body);
    if (body.confirmNotDuplicate !== true) await this.refuseDuplicates(fingerprint, principal);
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
    await this.fingerprints.record(participantId, fingerprint, teamId);
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

  /**
   * Only the referrer's own teams are searched (membership today, any role), so the answer never tells of someone in a
   * team they do not work with: being in IPS is health information. A deployment without teams has no memberships yet,
   * and no check.
   */
  private async refuseDuplicates(fingerprint: string, principal: Principal): Promise<void> {
    const memberships = await this.teams.teamsOf(principal, this.clock.now());
    const duplicates = await this.fingerprints.inTeams(fingerprint, [...new Set(memberships.map((membership) => membership.team.teamId))]);
    if (duplicates.length === 0) return;
    const problem: PossibleDuplicateProblem = {
      ...problemDetails(409, ParticipantErrors.possibleDuplicate, DUPLICATE_DETAIL),
      duplicates: duplicates.map((participantId) => ({ participantId })),
    };
    throw new ProblemException(problem);
  }
}
