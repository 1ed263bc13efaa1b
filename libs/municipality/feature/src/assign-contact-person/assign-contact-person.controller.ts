import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideAssignContactPerson } from '@ips/municipality/domain';
import { ParticipantServicesCommands } from '../participant-services-command.handler';
import { ParticipantController, RecordRoute } from '../participant-route';
import { AssignContactPersonDto } from './assign-contact-person.dto';

@ParticipantController()
export class AssignContactPersonController {
  constructor(private readonly commands: ParticipantServicesCommands) {}

  @RecordRoute('contact-person', "Name the participant's contact person at the municipality; a later one replaces it.", 'MUNICIPAL_CONTACT.UNCHANGED')
  async assign(
    @PathId('id') participantId: string,
    @Body() body: AssignContactPersonDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('AssignContactPerson', { participantId, ...body }, decideAssignContactPerson, principal, correlationId);
  }
}
