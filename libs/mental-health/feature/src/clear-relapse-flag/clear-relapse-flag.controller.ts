import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ClearRelapseFlagCommand } from './clear-relapse-flag.command';
import { ClearRelapseFlagDto } from './clear-relapse-flag.dto';

@AgencyController('mental-health', 'participants')
export class ClearRelapseFlagController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute('relapse-flags/:flagId/clear', 'Clear the warning: it is over. Possible after discharge too, so no warning outlives the care.', {
    conflicts: 'RELAPSE_FLAG.NOT_RAISED, PARTICIPANT.NOT_ENROLLED',
  })
  async clear(
    @PathId('id') participantId: string,
    @PathId('flagId') flagId: string,
    @Body() body: ClearRelapseFlagDto,
    @Issuer() issuer: CommandIssuer,
  ): Promise<void> {
    accepted(await this.commands.execute(new ClearRelapseFlagCommand({ participantId, flagId, reason: body.reason ?? null }, issuer)));
  }
}
