import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, lineReaderOf } from '@ips/access';
import { ApiInvalidRequest, ContactRequestsController } from '../contact-line/contact-line-route';
import { ContactLineProjector } from '../contact-line/contact-line.projector';
import { ContactLineDatabase, EMPLOYER_STORE } from '../contact-line/contact-line.tokens';
import { contactRequestExamples } from '../contact-line/contact-request.examples';
import { ContactRequestReader } from '../contact-line/contact-request.reader';
import { EmployerContactRequestView, StaffContactRequestView } from '../contact-line/contact-request.view';
import { ListContactRequestsQueryDto, statusesOf } from './list-contact-requests.dto';
import { listContactRequests } from './list-contact-requests.query';

@ContactRequestsController()
export class ListContactRequestsController {
  constructor(
    @Inject(EMPLOYER_STORE) private readonly store: ContactLineDatabase,
    private readonly projector: ContactLineProjector,
    private readonly reader: ContactRequestReader,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Requests with their status history, newest first: an employer its own (with who of the team took and resolved ' +
      "each, and when), staff those of their own teams' participants (work need: member of the participant's team or " +
      "named on the record) and those they hold, the crisis service those escalated to it. Staff see the employer's " +
      "name, the participant's own specialist, the first deadline (`answerBy`) and whether it is `overdue` (nobody took " +
      'it by then, whatever tier it is on). Includes everything submitted before the call.',
  })
  @ApiOkResponse({ content: contactRequestExamples((view) => ({ requests: [view] })) })
  @ApiInvalidRequest('status', 'status must be one of the following values: open, received, escalated, acknowledged, resolved')
  async list(
    @Query() query: ListContactRequestsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ requests: (EmployerContactRequestView | StaffContactRequestView)[] }> {
    await this.projector.waitForHead();
    const reader = lineReaderOf(principal);
    const scope = reader.kind === 'team' ? await this.reader.listScopeOf(principal) : null;
    const records = await listContactRequests(this.store.driver, reader, statusesOf(query.status), query.limit ?? 50, scope);
    return { requests: await this.reader.present(principal, records) };
  }
}
