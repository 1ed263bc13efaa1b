import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { AgencyController, ApiProblem, PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ParticipantErrors, TRANSFER_WINDOW_DAYS } from '@ips/welfare-office/domain';
import { TransferParticipantCommand } from './transfer-participant.command';
import { TransferParticipantDto } from './transfer-participant.dto';

const { notFound, teamNotFound, sameTeam, referralClosed, alreadyDischarged, erased, transferDateOutOfRange } = ParticipantErrors;

@AgencyController('welfare-office', 'participants')
export class TransferParticipantController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/transfer')
  @HttpCode(201)
  @ApiOperation({
    summary:
      `Move the participant to another IPS team from a day on (today when left out; at most ${TRANSFER_WINDOW_DAYS} days back or ahead), ` +
      'with the reason. One team at a time; the earlier teams stay in the history and on the timeline.',
  })
  @ApiCreatedResponse({ description: 'transferred' })
  @ApiProblem(404, [notFound, teamNotFound], 'no participant with this id that you may see')
  @ApiProblem(409, [sameTeam, referralClosed, alreadyDischarged, erased], 'the participant already belongs to this team')
  @ApiProblem(422, [transferDateOutOfRange], `a transfer is dated at most ${TRANSFER_WINDOW_DAYS} days back or ahead: 2026-01-30 to 2026-03-31`)
  async transfer(@PathId('id') participantId: string, @Body() body: TransferParticipantDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    const { toTeamId, reason, on } = body;
    accepted(await this.commands.execute(new TransferParticipantCommand({ participantId, toTeamId, reason, ...(on === undefined ? {} : { on }) }, issuer)));
  }
}
