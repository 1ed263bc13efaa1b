import { randomUUID } from 'node:crypto';
import { Body, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Issuer, Principal } from '@ips/access';
import { ContactRequestErrors } from '@ips/employer/domain';
import { IdempotencyKey, RateLimit } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { uuidv5 } from '@ips/utils';
import { ContactLineConfig } from '../contact-line/contact-line.config';
import { CONTACT_LINE_CONFIG } from '../contact-line/contact-line.tokens';
import { ApiInvalidRequest, ApiProblem, ContactRequestsController } from '../contact-line/contact-line-route';
import { EmployerAccess } from '../employer-access';
import { SubmitContactRequestCommand } from './submit-contact-request.command';
import { ContactRequestAcceptedDto, SubmitContactRequestDto } from './submit-contact-request.dto';

/** The namespace of request ids made from an employer's Idempotency-Key (uuidv5 of `employerId key`). */
const KEYED_REQUESTS = 'c6f1f1d2-4a53-4b8e-9a3e-2f7d0b1e5a40';

@ContactRequestsController()
export class SubmitContactRequestController {
  private readonly perEmployer: RateLimit;

  constructor(
    private readonly commands: CommandBus,
    private readonly access: EmployerAccess,
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
  @ApiProblem(422, 'CONTACT_REQUEST.IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different request')
  @ApiProblem(429, 'CONTACT_LINE.TOO_MANY_REQUESTS', 'too many requests from this employer; try again in 42 s')
  async submit(
    @Body() body: SubmitContactRequestDto,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey('makes a retry safe: the same key with the same request answers 202 with the first requestId, and records nothing new')
    idempotencyKey: string | undefined,
    @Issuer() issuer: CommandIssuer,
  ): Promise<ContactRequestAcceptedDto> {
    const caller = principal.employerId ?? principal.sub;
    await this.perEmployer.consume(caller);
    // A key names one request of this employer's: its id is made from the key, so a retry finds its own stream.
    const requestId = idempotencyKey ? uuidv5(`${caller} ${idempotencyKey}`, KEYED_REQUESTS) : randomUUID();
    // 403 at the edge: the token's employer is the principal's, which a command's actor does not carry.
    await this.access.assertActsForPlacementOf(principal, body.placementId);
    const outcome = await this.commands.execute(new SubmitContactRequestCommand({ requestId, ...body }, issuer, !idempotencyKey));
    // The same request again under its key (the handler refused other content under it): answered as the first time.
    const retried = idempotencyKey && !outcome.ok && outcome.error.code === ContactRequestErrors.alreadyReceived;
    if (!retried) accepted(outcome);
    return { requestId };
  }
}
