import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Issuer, Principal } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { EmployerAccess, FORBIDDEN_ON_PLACEMENT } from '../employer-access';
import { EndPlacementCommand } from './end-placement.command';
import { EndPlacementDto } from './end-placement.dto';

@AgencyController('employer', 'participants')
export class EndPlacementController {
  constructor(
    private readonly commands: CommandBus,
    private readonly access: EmployerAccess,
  ) {}

  @RecordRoute('placements/:placementId/end', 'End the job. A job loss does not discharge anyone: the job search goes on.', {
    notFound: 'PLACEMENT.NOT_FOUND',
    conflicts: 'PLACEMENT.ENDED',
    rejections: 'PLACEMENT.END_BEFORE_START',
  })
  @ApiForbiddenResponse({ description: FORBIDDEN_ON_PLACEMENT })
  async end(
    @PathId('id') participantId: string,
    @PathId('placementId') placementId: string,
    @Body() body: EndPlacementDto,
    @CurrentPrincipal() principal: Principal,
    @Issuer() issuer: CommandIssuer,
  ): Promise<void> {
    await this.access.assertActsForPlacement(principal, participantId, placementId);
    accepted(await this.commands.execute(new EndPlacementCommand({ participantId, placementId, ...body }, issuer)));
  }
}
