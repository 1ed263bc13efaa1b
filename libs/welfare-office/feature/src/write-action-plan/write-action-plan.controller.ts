import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideWriteActionPlan } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { WriteActionPlanDto } from './write-action-plan.dto';

@ParticipantController()
export class WriteActionPlanController {
  constructor(private readonly commands: ParticipantCommands) {}

  @RecordRoute(
    'action-plans',
    "Record the participant's own action plan; a later one replaces it. With `proposalId`, recorded from the participant's open proposal.",
    'PARTICIPANT.NOT_ENROLLED, ACTION_PLAN.PROPOSAL_CLOSED',
  )
  async write(
    @PathId('id') participantId: string,
    @Body() body: WriteActionPlanDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    const { proposalId, ...plan } = body;
    const data = { participantId, ...plan, ...(proposalId === undefined ? {} : { proposalId }) };
    await this.commands.execute('WriteActionPlan', data, decideWriteActionPlan, principal, correlationId);
  }
}
