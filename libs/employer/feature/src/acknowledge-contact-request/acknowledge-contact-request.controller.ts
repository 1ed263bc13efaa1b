import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { decideAcknowledgeContactRequest } from '@ips/employer/domain';
import { CorrelationId, NoFieldsPipe, PathId } from '@ips/http';
import { ApiEmptyBody, ApiInvalidRequest, ApiProblem, ContactRequestsController } from '../contact-line/contact-line-route';
import { ContactRequestCommands } from '../contact-request-command.handler';

@ContactRequestsController()
export class AcknowledgeContactRequestController {
  constructor(private readonly requests: ContactRequestCommands) {}

  @Post(':requestId/acknowledge')
  @HttpCode(201)
  @ApiOperation({ summary: 'Take the request: escalation stops. Anyone on the team may; the crisis service once it reached them. Body: {}.' })
  @ApiEmptyBody()
  @ApiCreatedResponse({ description: 'acknowledged' })
  @ApiInvalidRequest('note', 'is not a known field')
  @ApiProblem(404, 'CONTACT_REQUEST.NOT_FOUND', 'no contact request with this id that you may see')
  @ApiProblem(409, 'CONTACT_REQUEST.ALREADY_ACKNOWLEDGED', 'already acknowledged by es-ingrid')
  async acknowledge(
    @PathId('requestId') requestId: string,
    @Body(NoFieldsPipe) _body: Record<string, never>,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.requests.execute('AcknowledgeContactRequest', { requestId }, decideAcknowledgeContactRequest, principal, correlationId);
  }
}
