import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Issuer, Principal } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { EmployerAccess, FORBIDDEN_ON_PLACEMENT } from '../employer-access';
import { ChangePlacementTermsCommand } from './change-placement-terms.command';
import { ChangePlacementTermsDto } from './change-placement-terms.dto';

@AgencyController('employer', 'participants')
export class ChangePlacementTermsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly access: EmployerAccess,
  ) {}

  @RecordRoute('placements/:placementId/terms', 'Change hours or wage (benefits counselling is due again).', {
    notFound: 'PLACEMENT.NOT_FOUND',
    conflicts: 'PLACEMENT.ENDED, PLACEMENT.TERMS_UNCHANGED',
    rejections: 'PLACEMENT.WAGE_BELOW_MINIMUM, PLACEMENT.INVALID_HOURS',
  })
  @ApiForbiddenResponse({ description: FORBIDDEN_ON_PLACEMENT })
  async change(
    @PathId('id') participantId: string,
    @PathId('placementId') placementId: string,
    @Body() body: ChangePlacementTermsDto,
    @CurrentPrincipal() principal: Principal,
    @Issuer() issuer: CommandIssuer,
  ): Promise<void> {
    await this.access.assertActsForPlacement(principal, participantId, placementId);
    accepted(await this.commands.execute(new ChangePlacementTermsCommand({ participantId, placementId, ...body }, issuer)));
  }
}
