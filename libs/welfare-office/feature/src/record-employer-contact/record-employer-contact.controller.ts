import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { RecordEmployerContactCommand } from './record-employer-contact.command';
import { RecordEmployerContactDto } from './record-employer-contact.dto';

@AgencyController('welfare-office', 'participants')
export class RecordEmployerContactController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute('employer-contacts', "Record the employment specialist's contact with an employer for this participant (job development).", {
    notFound: 'PARTICIPANT.NOT_FOUND',
    conflicts: 'PARTICIPANT.NOT_ENROLLED',
  })
  async record(@PathId('id') participantId: string, @Body() body: RecordEmployerContactDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new RecordEmployerContactCommand({ participantId, ...body }, issuer)));
  }
}
