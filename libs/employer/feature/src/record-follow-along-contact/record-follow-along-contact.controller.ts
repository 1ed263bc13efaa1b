import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Issuer, Principal } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { EmployerAccess, FORBIDDEN_ON_PLACEMENT } from '../employer-access';
import { RecordFollowAlongContactCommand } from './record-follow-along-contact.command';
import { RecordFollowAlongContactDto } from './record-follow-along-contact.dto';

@AgencyController('employer', 'participants')
export class RecordFollowAlongContactController {
  constructor(
    private readonly commands: CommandBus,
    private readonly access: EmployerAccess,
  ) {}

  @RecordRoute('placements/:placementId/follow-along-contacts', 'Record follow-along support with the worker, the employer or both.', {
    notFound: 'PLACEMENT.NOT_FOUND',
    conflicts: 'PLACEMENT.ENDED',
  })
  @ApiForbiddenResponse({ description: FORBIDDEN_ON_PLACEMENT })
  async record(
    @PathId('id') participantId: string,
    @PathId('placementId') placementId: string,
    @Body() body: RecordFollowAlongContactDto,
    @CurrentPrincipal() principal: Principal,
    @Issuer() issuer: CommandIssuer,
  ): Promise<void> {
    await this.access.assertActsForPlacement(principal, participantId, placementId);
    accepted(await this.commands.execute(new RecordFollowAlongContactCommand({ participantId, placementId, ...body }, issuer)));
  }
}
