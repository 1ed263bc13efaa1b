import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { ApiProblem, ProblemDetails, ProblemException, problemDetails, problemType } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ParticipantErrors } from '@ips/welfare-office/domain';
import { DUPLICATE_DETAIL, ReferParticipantCommand, isPossibleDuplicate } from './refer-participant.command';
import { ReferParticipantDto, ReferralCreatedDto } from './refer-participant.dto';

const TEAM_REQUIRED = { field: 'teamId', message: 'is required once teams are defined' };

/** The 409 of a possible duplicate: the problem, plus the participants the referrer may open. */
export type PossibleDuplicateProblem = ProblemDetails & { readonly duplicates: readonly { readonly participantId: string }[] };

@ApiTags('welfare-office')
@ApiBearerAuth()
@Controller('welfare-office')
export class ReferParticipantController {
  constructor(private readonly commands: CommandBus) {}

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
  async refer(@Body() body: ReferParticipantDto, @Issuer() issuer: CommandIssuer): Promise<ReferralCreatedDto> {
    const participantId = randomUUID();
    const { givenName, familyName, birthDate, referredBy, teamId } = body;
    const referral = {
      participantId,
      givenName,
      familyName,
      birthDate,
      referredBy,
      reason: body.reason ?? null,
      ...(teamId === undefined ? {} : { teamId }),
      confirmNotDuplicate: body.confirmNotDuplicate === true,
    };
    const outcome = await this.commands.execute(new ReferParticipantCommand(referral, issuer));
    // Two refusals are answered as the request's own problems: a missing team as bad input, a duplicate naming the others.
    if (!outcome.ok && outcome.error.code === ParticipantErrors.teamRequired) {
      throw ProblemException.of(400, 'REQUEST.INVALID', 'the request has invalid or unknown fields', [TEAM_REQUIRED]);
    }
    if (!outcome.ok && isPossibleDuplicate(outcome.error)) {
      const problem: PossibleDuplicateProblem = {
        ...problemDetails(409, outcome.error.code, outcome.error.message),
        duplicates: outcome.error.duplicates.map((duplicate) => ({ participantId: duplicate })),
      };
      throw new ProblemException(problem);
    }
    accepted(outcome);
    return { participantId };
  }
}
