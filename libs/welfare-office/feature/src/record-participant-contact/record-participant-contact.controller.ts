import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { RecordParticipantContactCommand } from './record-participant-contact.command';
import { RecordParticipantContactDto } from './record-participant-contact.dto';

@AgencyController('welfare-office', 'participants')
export class RecordParticipantContactController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute('contacts', 'Record a meeting or call with the participant.', { notFound: 'PARTICIPANT.NOT_FOUND', conflicts: 'PARTICIPANT.NOT_ENROLLED' })
  async record(@PathId('id') participantId: string, @Body() body: RecordParticipantContactDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new RecordParticipantContactCommand({ participantId, ...body }, issuer)));
  }
}
