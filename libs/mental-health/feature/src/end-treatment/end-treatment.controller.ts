import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { EndTreatmentCommand } from './end-treatment.command';
import { EndTreatmentDto } from './end-treatment.dto';

@AgencyController('mental-health', 'participants')
export class EndTreatmentController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute('treatment-end', 'End treatment at this service. IPS support goes on.', {
    conflicts: 'TREATMENT.NO_TEAM, TREATMENT.ALREADY_ENDED, PARTICIPANT.NOT_ENROLLED',
  })
  async end(@PathId('id') participantId: string, @Body() body: EndTreatmentDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new EndTreatmentCommand({ participantId, endedOn: body.endedOn, reason: body.reason ?? null }, issuer)));
  }
}
