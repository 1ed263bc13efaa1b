import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { decideRecordFollowAlongContact } from '@ips/employer/domain';
import { CorrelationId, PathId } from '@ips/http';
import { EmployerController, PlacementRoute } from '../employer-route';
import { ParticipantEmploymentCommands } from '../participant-employment-command.handler';
import { RecordFollowAlongContactDto } from './record-follow-along-contact.dto';

@EmployerController()
export class RecordFollowAlongContactController {
  constructor(private readonly commands: ParticipantEmploymentCommands) {}

  @PlacementRoute('follow-along-contacts', 'Record follow-along support with the worker, the employer or both.')
  async record(
    @PathId('id') participantId: string,
    @PathId('placementId') placementId: string,
    @Body() body: RecordFollowAlongContactDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.executeOnPlacement(
      'RecordFollowAlongContact',
      { participantId, placementId, ...body },
      decideRecordFollowAlongContact,
      principal,
      correlationId,
    );
  }
}
