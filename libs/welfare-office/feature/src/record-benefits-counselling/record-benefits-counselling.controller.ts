import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { RecordBenefitsCounsellingCommand } from './record-benefits-counselling.command';
import { RecordBenefitsCounsellingDto } from './record-benefits-counselling.dto';

@AgencyController('welfare-office', 'participants')
export class RecordBenefitsCounsellingController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute('benefits-counselling', 'Record a benefits counselling session (before a job starts, and when hours or pay change).', {
    notFound: 'PARTICIPANT.NOT_FOUND',
    conflicts: 'PARTICIPANT.NOT_ENROLLED',
  })
  async record(@PathId('id') participantId: string, @Body() body: RecordBenefitsCounsellingDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new RecordBenefitsCounsellingCommand({ participantId, ...body }, issuer)));
  }
}
