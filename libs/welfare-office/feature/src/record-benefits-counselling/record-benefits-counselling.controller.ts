import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideRecordBenefitsCounselling } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { RecordBenefitsCounsellingDto } from './record-benefits-counselling.dto';

@ParticipantController()
export class RecordBenefitsCounsellingController {
  constructor(private readonly commands: ParticipantCommands) {}

  @RecordRoute('benefits-counselling', 'Record a benefits counselling session (before a job starts, and when hours or pay change).')
  async record(
    @PathId('id') participantId: string,
    @Body() body: RecordBenefitsCounsellingDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('RecordBenefitsCounselling', { participantId, ...body }, decideRecordBenefitsCounselling, principal, correlationId);
  }
}
