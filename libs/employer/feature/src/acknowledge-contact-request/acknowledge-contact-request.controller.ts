import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { NoFieldsPipe, PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ApiEmptyBody, ApiInvalidRequest, ApiProblem, ContactRequestsController } from '../contact-line/contact-line-route';
import { AcknowledgeContactRequestCommand } from './acknowledge-contact-request.command';

@ContactRequestsController()
export class AcknowledgeContactRequestController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':requestId/acknowledge')
  @HttpCode(201)
  @ApiOperation({ summary: 'Take the request: escalation stops. Anyone on the team may; the crisis service once it reached them. Body: {}.' })
  @ApiEmptyBody()
  @ApiCreatedResponse({ description: 'acknowledged' })
  @ApiInvalidRequest('note', 'is not a known field')
  @ApiProblem(404, 'CONTACT_REQUEST.NOT_FOUND', 'no contact request with this id that you may see')
  @ApiProblem(409, 'CONTACT_REQUEST.ALREADY_ACKNOWLEDGED', 'already acknowledged by es-ingrid')
  async acknowledge(@PathId('requestId') requestId: string, @Body(NoFieldsPipe) _body: Record<string, never>, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new AcknowledgeContactRequestCommand({ requestId }, issuer)));
  }
}
