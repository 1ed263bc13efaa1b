import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { WriteActionPlanCommand } from './write-action-plan.command';
import { WriteActionPlanDto } from './write-action-plan.dto';

@AgencyController('welfare-office', 'participants')
export class WriteActionPlanController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute(
    'action-plans',
    "Record the participant's own action plan; a later one replaces it. With `proposalId`, recorded from the participant's open proposal.",
    { notFound: 'PARTICIPANT.NOT_FOUND', conflicts: 'PARTICIPANT.NOT_ENROLLED, ACTION_PLAN.PROPOSAL_CLOSED' },
  )
  async write(@PathId('id') participantId: string, @Body() body: WriteActionPlanDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    const { proposalId, ...plan } = body;
    const data = { participantId, ...plan, ...(proposalId === undefined ? {} : { proposalId }) };
    accepted(await this.commands.execute(new WriteActionPlanCommand(data, issuer)));
  }
}
