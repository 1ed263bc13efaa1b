import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideClearRelapseFlag } from '@ips/mental-health/domain';
import { ParticipantCareCommands } from '../participant-care-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { ClearRelapseFlagDto } from './clear-relapse-flag.dto';

@ParticipantController()
export class ClearRelapseFlagController {
  constructor(private readonly commands: ParticipantCareCommands) {}

  @RecordRoute(
    'relapse-flags/:flagId/clear',
    'Clear the warning: it is over. Possible after discharge too, so no warning outlives the care.',
    'RELAPSE_FLAG.NOT_RAISED, PARTICIPANT.NOT_ENROLLED',
  )
  async clear(
    @PathId('id') participantId: string,
    @PathId('flagId') flagId: string,
    @Body() body: ClearRelapseFlagDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('ClearRelapseFlag', { participantId, flagId, reason: body.reason ?? null }, decideClearRelapseFlag, principal, correlationId);
  }
}
