import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { CorrelationId, RateLimit } from '@ips/http';
import { ContactLineConfig } from '../contact-line/contact-line.config';
import { CONTACT_LINE_CONFIG } from '../contact-line/contact-line.tokens';
import { ApiInvalidRequest, ApiProblem, ContactRequestsController } from '../contact-line/contact-line-route';
import { ContactRequestCommands } from '../contact-request-command.handler';
import { ContactRequestAcceptedDto, SubmitContactRequestDto } from './submit-contact-request.dto';

@ContactRequestsController()
export class SubmitContactRequestController {
  private readonly perEmployer: RateLimit;

  constructor(
    private readonly requests: ContactRequestCommands,
    @Inject(CONTACT_LINE_CONFIG) config: ContactLineConfig,
  ) {
    this.perEmployer = new RateLimit(config.requestsPerMinute, 'CONTACT_LINE.TOO_MANY_REQUESTS', 'too many requests from this employer');
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'The 24/7 line: an employer asks the team for contact about its placement. Stored before the answer, ' +
      'routed to whoever is on duty for the participant’s team, escalated when nobody acknowledges in time.',
  })
  @ApiAcceptedResponse({ type: ContactRequestAcceptedDto })
  @ApiInvalidRequest('urgency', 'urgency must be one of the following values: routine, urgent')
  @ApiProblem(403, 'AUTH.FORBIDDEN', 'an employer may act only for itself and its own placements')
  @ApiProblem(404, 'PLACEMENT.NOT_FOUND', 'no such placement')
  @ApiProblem(409, 'PLACEMENT.ENDED', 'the placement has ended')
  @ApiProblem(422, 'CONTACT_REQUEST.INVALID_PHONE', 'the callback phone must be + and 8 to 15 digits')
  @ApiProblem(429, 'CONTACT_LINE.TOO_MANY_REQUESTS', 'too many requests from this employer; try again in 42 s')
  async submit(
    @Body() body: SubmitContactRequestDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<ContactRequestAcceptedDto> {
    await this.perEmployer.consume(principal.employerId ?? principal.sub);
    const requestId = randomUUID();
    await this.requests.submit(requestId, body, principal, correlationId);
    return { requestId };
  }
}
