import { Body, Headers, Param } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { decideRecordFollowAlongContact } from '@ips/employer/domain';
import { UuidParam } from '@ips/http';
import { EmployerController, PlacementRoute } from '../employer-route';
import { ParticipantEmploymentCommands } from '../participant-employment-command.handler';
import { RecordFollowAlongContactDto } from './record-follow-along-contact.dto';

@EmployerController()
export class RecordFollowAlongContactController {
  constructor(private readonly commands: ParticipantEmploymentCommands) {}

  @PlacementRoute('follow-along-contacts', 'Record follow-along support with the worker, the employer or both.')
  async record(
    @Param('id', UuidParam()) participantId: string,
    @Param('placementId', UuidParam()) placementId: string,
    @Body() body: RecordFollowAlongContactDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
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
