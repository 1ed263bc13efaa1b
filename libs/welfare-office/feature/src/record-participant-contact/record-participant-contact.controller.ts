import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideRecordParticipantContact } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { RecordParticipantContactDto } from './record-participant-contact.dto';

@ParticipantController()
export class RecordParticipantContactController {
  constructor(private readonly commands: ParticipantCommands) {}

  @RecordRoute('contacts', 'Record a meeting or call with the participant.')
  async record(
    @PathId('id') participantId: string,
    @Body() body: RecordParticipantContactDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('RecordParticipantContact', { participantId, ...body }, decideRecordParticipantContact, principal, correlationId);
  }
}
