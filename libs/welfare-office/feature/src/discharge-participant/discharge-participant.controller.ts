import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { DischargeParticipantCommand } from './discharge-participant.command';
import { DischargeParticipantDto } from './discharge-participant.dto';

@AgencyController('welfare-office', 'participants')
export class DischargeParticipantController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute('discharge', 'Discharge or transition, with a reason (never missed appointments; 422 DISCHARGE.REASON_NOT_ALLOWED).', {
    notFound: 'PARTICIPANT.NOT_FOUND',
    conflicts: 'PARTICIPANT.ALREADY_DISCHARGED',
  })
  async discharge(@PathId('id') participantId: string, @Body() body: DischargeParticipantDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new DischargeParticipantCommand({ participantId, ...body }, issuer)));
  }
}
