import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideEndTreatment } from '@ips/mental-health/domain';
import { ParticipantCareCommands } from '../participant-care-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { EndTreatmentDto } from './end-treatment.dto';

@ParticipantController()
export class EndTreatmentController {
  constructor(private readonly commands: ParticipantCareCommands) {}

  @RecordRoute('treatment-end', 'End treatment at this service. IPS support goes on.', 'TREATMENT.NO_TEAM, TREATMENT.ALREADY_ENDED, PARTICIPANT.NOT_ENROLLED')
  async end(
    @PathId('id') participantId: string,
    @Body() body: EndTreatmentDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute(
      'EndTreatment',
      { participantId, endedOn: body.endedOn, reason: body.reason ?? null },
      decideEndTreatment,
      principal,
      correlationId,
    );
  }
}
