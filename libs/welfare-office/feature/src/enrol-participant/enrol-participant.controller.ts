import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { AgencyController, ApiProblem, PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ParticipantErrors } from '@ips/welfare-office/domain';
import { EnrolParticipantCommand } from './enrol-participant.command';
import { EnrolParticipantDto } from './enrol-participant.dto';

@AgencyController('welfare-office', 'participants')
export class EnrolParticipantController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/enrolment')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Put a referred participant on an employment specialist's caseload, with a fixed contact person (a welfare-office caseworker). " +
      "Once teams are defined, both are picked from the participant's team: an employment specialist and a caseworker who are " +
      'members today. One enrolment per referral: a second is refused, never a replacement of the people named.',
  })
  @ApiCreatedResponse({ description: 'enrolled' })
  @ApiProblem(404, [ParticipantErrors.notFound], 'no referral for this participant')
  @ApiProblem(409, [ParticipantErrors.alreadyEnrolled, ParticipantErrors.referralClosed, ParticipantErrors.erased], 'the participant is already enrolled')
  @ApiProblem(
    422,
    [ParticipantErrors.notATeamMember],
    "employmentSpecialistId: es-ingrid is not an employment specialist on the participant's team today (pick one of the team's members)",
  )
  async enrol(@PathId('id') participantId: string, @Body() body: EnrolParticipantDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new EnrolParticipantCommand({ participantId, ...body }, issuer)));
  }
}
