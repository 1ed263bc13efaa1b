import { Body, HttpCode, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, PathId } from '@ips/http';
import { decideChangeContactDetails } from '@ips/welfare-office/domain';
import { ParticipantCommands } from '../participant-command.handler';
import { ParticipantController } from '../participant-route';
import { ContactDetailsDto } from './change-contact-details.dto';

@ParticipantController()
export class ChangeContactDetailsController {
  constructor(private readonly commands: ParticipantCommands) {}

  @Put(':id/contact-details')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace how the team reaches the participant (phone, e-mail); a field left out is cleared.' })
  @ApiOkResponse({ description: 'recorded' })
  @ApiNotFoundResponse({ description: 'PARTICIPANT.NOT_FOUND' })
  async change(
    @PathId('id') participantId: string,
    @Body() body: ContactDetailsDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.commands.execute('ChangeContactDetails', { participantId, ...body }, decideChangeContactDetails, principal, correlationId);
  }
}
