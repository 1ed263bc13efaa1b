import { Body, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { AgencyController, PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ChangeContactDetailsCommand } from './change-contact-details.command';
import { ContactDetailsDto } from './change-contact-details.dto';

@AgencyController('welfare-office', 'participants')
export class ChangeContactDetailsController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id/contact-details')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace how the team reaches the participant (phone, e-mail); a field left out is cleared.' })
  @ApiOkResponse({ description: 'recorded' })
  @ApiNotFoundResponse({ description: 'PARTICIPANT.NOT_FOUND' })
  async change(@PathId('id') participantId: string, @Body() body: ContactDetailsDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new ChangeContactDetailsCommand({ participantId, ...body }, issuer)));
  }
}
