import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideDischargeParticipant } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { DischargeParticipantDto } from './discharge-participant.dto';

@ParticipantController()
export class DischargeParticipantController {
  constructor(private readonly commands: ParticipantCommands) {}

  @RecordRoute(
    'discharge',
    'Discharge or transition, with a reason (never missed appointments; 422 DISCHARGE.REASON_NOT_ALLOWED).',
    'PARTICIPANT.ALREADY_DISCHARGED',
  )
  async discharge(
    @PathId('id') participantId: string,
    @Body() body: DischargeParticipantDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('DischargeParticipant', { participantId, ...body }, decideDischargeParticipant, principal, correlationId);
  }
}
