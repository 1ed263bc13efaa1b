import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideChangeRelapseFlag } from '@ips/mental-health/domain';
import { ParticipantCareCommands } from '../participant-care-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { ChangeRelapseFlagDto } from './change-relapse-flag.dto';

@ParticipantController()
export class ChangeRelapseFlagController {
  constructor(private readonly commands: ParticipantCareCommands) {}

  @RecordRoute(
    'relapse-flags/:flagId/changes',
    'Change the level, review date or agreed actions of the open flag (a review: the next one must lie ahead).',
    'RELAPSE_FLAG.NOT_RAISED, PARTICIPANT.NOT_ENROLLED',
    'RELAPSE_FLAG.REVIEW_DATE_IN_PAST',
  )
  async change(
    @PathId('id') participantId: string,
    @PathId('flagId') flagId: string,
    @Body() body: ChangeRelapseFlagDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute(
      'ChangeRelapseFlag',
      { participantId, flagId, level: body.level, reviewBy: body.reviewBy, actions: body.actions ?? [] },
      decideChangeRelapseFlag,
      principal,
      correlationId,
    );
  }
}
