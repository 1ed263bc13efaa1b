import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { decideResolveContactRequest } from '@ips/employer/domain';
import { CorrelationId, PathId } from '@ips/http';
import { ApiInvalidRequest, ApiProblem, ContactRequestsController } from '../contact-line/contact-line-route';
import { ContactRequestCommands } from '../contact-request-command.handler';
import { ResolveContactRequestDto } from './resolve-contact-request.dto';

@ContactRequestsController()
export class ResolveContactRequestController {
  constructor(private readonly requests: ContactRequestCommands) {}

  @Post(':requestId/resolve')
  @HttpCode(201)
  @ApiOperation({ summary: 'Close the request with a note for the team (never shown to the employer); stops escalation too.' })
  @ApiCreatedResponse({ description: 'resolved' })
  @ApiInvalidRequest('note', 'note should not be empty')
  @ApiProblem(404, 'CONTACT_REQUEST.NOT_FOUND', 'no contact request with this id that you may see')
  @ApiProblem(409, 'CONTACT_REQUEST.ALREADY_RESOLVED', 'the request has already been resolved')
  async resolve(
    @PathId('requestId') requestId: string,
    @Body() body: ResolveContactRequestDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.requests.execute('ResolveContactRequest', { requestId, note: body.note }, decideResolveContactRequest, principal, correlationId);
  }
}
