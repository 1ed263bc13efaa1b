import { Body, Inject } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { CorrelationId, PathId } from '@ips/http';
import { decideRecordEmployerContact } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { RecordEmployerContactDto } from './record-employer-contact.dto';

@ParticipantController()
export class RecordEmployerContactController {
  constructor(
    private readonly commands: ParticipantCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @RecordRoute('employer-contacts', "Record the employment specialist's contact with an employer for this participant (job development).")
  async record(
    @PathId('id') participantId: string,
    @Body() body: RecordEmployerContactDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    const contactedOn = body.contactedOn ?? this.clock.now().toISOString().slice(0, 10);
    await this.commands.execute('RecordEmployerContact', { participantId, ...body, contactedOn }, decideRecordEmployerContact, principal, correlationId);
  }
}
