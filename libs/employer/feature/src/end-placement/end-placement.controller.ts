import { Body } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@ips/access';
import { decideEndPlacement } from '@ips/employer/domain';
import { CorrelationId, PathId } from '@ips/http';
import { EmployerController, PlacementRoute } from '../employer-route';
import { ParticipantEmploymentCommands } from '../participant-employment-command.handler';
import { EndPlacementDto } from './end-placement.dto';

@EmployerController()
export class EndPlacementController {
  constructor(private readonly commands: ParticipantEmploymentCommands) {}

  @PlacementRoute('end', 'End the job. A job loss does not discharge anyone: the job search goes on.', 'PLACEMENT.ENDED', 'PLACEMENT.END_BEFORE_START')
  async end(
    @PathId('id') participantId: string,
    @PathId('placementId') placementId: string,
    @Body() body: EndPlacementDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.executeOnPlacement('EndPlacement', { participantId, placementId, ...body }, decideEndPlacement, principal, correlationId);
  }
}
