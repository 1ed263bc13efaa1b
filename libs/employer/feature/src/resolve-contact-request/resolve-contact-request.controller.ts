import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { Issuer } from '@ips/access';
import { PathId } from '@ips/http';
import { CommandIssuer, accepted } from '@ips/kernel';
import { ApiInvalidRequest, ApiProblem, ContactRequestsController } from '../contact-line/contact-line-route';
import { ResolveContactRequestCommand } from './resolve-contact-request.command';
import { ResolveContactRequestDto } from './resolve-contact-request.dto';

@ContactRequestsController()
export class ResolveContactRequestController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':requestId/resolve')
  @HttpCode(201)
  @ApiOperation({ summary: 'Close the request with a note for the team (never shown to the employer); stops escalation too.' })
  @ApiCreatedResponse({ description: 'resolved' })
  @ApiInvalidRequest('note', 'note should not be empty')
  @ApiProblem(404, 'CONTACT_REQUEST.NOT_FOUND', 'no contact request with this id that you may see')
  @ApiProblem(409, 'CONTACT_REQUEST.ALREADY_RESOLVED', 'the request has already been resolved')
  async resolve(@PathId('requestId') requestId: string, @Body() body: ResolveContactRequestDto, @Issuer() issuer: CommandIssuer): Promise<void> {
    accepted(await this.commands.execute(new ResolveContactRequestCommand({ requestId, note: body.note }, issuer)));
  }
}
