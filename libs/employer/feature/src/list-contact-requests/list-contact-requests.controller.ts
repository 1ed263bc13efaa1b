import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { lineReaderOf } from '../contact-line/contact-line-access';
import { ApiInvalidRequest, ContactRequestsController } from '../contact-line/contact-line-route';
import { ContactLineProjector } from '../contact-line/contact-line.projector';
import { ContactLineDatabase, EMPLOYER_STORE } from '../contact-line/contact-line.tokens';
import { contactRequestExamples } from '../contact-line/contact-request.examples';
import { EmployerContactRequestView, StaffContactRequestView, employerViewOf, openViews } from '../contact-line/contact-request.view';
import { ListContactRequestsQueryDto, statusesOf } from './list-contact-requests.dto';
import { listContactRequests } from './list-contact-requests.query';

@ContactRequestsController()
export class ListContactRequestsController {
  constructor(
    @Inject(EMPLOYER_STORE) private readonly store: ContactLineDatabase,
    private readonly projector: ContactLineProjector,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Requests with their status history, newest first: an employer its own, the team all, the crisis service ' +
      'those escalated to it. Includes everything submitted before the call.',
  })
  @ApiOkResponse({ content: contactRequestExamples((view) => ({ requests: [view] })) })
  @ApiInvalidRequest('status', 'status must be one of the following values: open, received, escalated, acknowledged, resolved')
  async list(
    @Query() query: ListContactRequestsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ requests: (EmployerContactRequestView | StaffContactRequestView)[] }> {
    await this.projector.waitForHead();
    const reader = lineReaderOf(principal);
    const views = await openViews(this.personalData, await listContactRequests(this.store.driver, reader, statusesOf(query.status), query.limit ?? 50));
    return { requests: reader.kind === 'employer' ? views.map(employerViewOf) : views };
  }
}
