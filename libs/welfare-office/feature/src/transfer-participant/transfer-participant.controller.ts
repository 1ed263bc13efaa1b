import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { ApiProblem, CorrelationId, PathId } from '@ips/http';
import { ParticipantErrors, TRANSFER_WINDOW_DAYS, decideTransferParticipant } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController } from '../participant-route';
import { TEAM_REGISTRY, TeamRegistry } from '../team-registry.port';
import { ReferralFingerprints } from '../refer-participant/referral-fingerprints';
import { TransferParticipantDto } from './transfer-participant.dto';

const { notFound, teamNotFound, sameTeam, referralClosed, alreadyDischarged, erased, transferDateOutOfRange } = ParticipantErrors;

@ParticipantController()
export class TransferParticipantController {
  constructor(
    private readonly commands: ParticipantCommands,
    @Inject(TEAM_REGISTRY) private readonly teams: TeamRegistry,
    private readonly fingerprints: ReferralFingerprints,
  ) {}

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
  async transfer(
    @PathId('id') participantId: string,
    @Body() body: TransferParticipantDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    const { toTeamId, reason, on } = body;
    await this.commands.execute(
      'TransferParticipant',
      { participantId, toTeamId, toTeamKnown: await this.teams.teamExists(toTeamId), reason, ...(on === undefined ? {} : { on }) },
      decideTransferParticipant,
      principal,
      correlationId,
    );
    // The duplicate check looks in the referrer's teams: the participant is now found in the new one.
    await this.fingerprints.moveTo(participantId, toTeamId);
  }
}
