import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Issuer } from '@ips/access';
import { AgencyController, PathId, RecordRoute } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ChangeRelapseFlagCommand } from './change-relapse-flag.command';
import { ChangeRelapseFlagDto } from './change-relapse-flag.dto';

@AgencyController('mental-health', 'participants')
export class ChangeRelapseFlagController {
  constructor(private readonly commands: CommandBus) {}

  @RecordRoute('relapse-flags/:flagId/changes', 'Change the level, review date or agreed actions of the open flag (a review: the next one must lie ahead).', {
    conflicts: 'RELAPSE_FLAG.NOT_RAISED, PARTICIPANT.NOT_ENROLLED',
    rejections: 'RELAPSE_FLAG.REVIEW_DATE_IN_PAST',
  })
  async change(
    @PathId('id') participantId: string,
    @PathId('flagId') flagId: string,
    @Body() body: ChangeRelapseFlagDto,
    @Issuer() issuer: CommandIssuer,
  ): Promise<void> {
    const data = { participantId, flagId, level: body.level, reviewBy: body.reviewBy, actions: body.actions ?? [] };
    accepted(await this.commands.execute(new ChangeRelapseFlagCommand(data, issuer)));
  }
}
