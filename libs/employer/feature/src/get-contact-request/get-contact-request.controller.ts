import { Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, lineReaderOf } from '@ips/access';
import { PathId } from '@ips/http';
import { ApiProblem, ContactRequestsController } from '../contact-line/contact-line-route';
import { ContactLineDatabase, EMPLOYER_STORE } from '../contact-line/contact-line.tokens';
import { contactRequestExamples } from '../contact-line/contact-request.examples';
import { ContactRequestReader } from '../contact-line/contact-request.reader';
import { EmployerContactRequestView, StaffContactRequestView, employerViewOf } from '../contact-line/contact-request.view';
import { DeliveryStatus, deliveriesOf } from '../contact-line/deliveries.query';

@ContactRequestsController()
export class GetContactRequestController {
  constructor(
    @Inject(EMPLOYER_STORE) private readonly store: ContactLineDatabase,
    private readonly reader: ContactRequestReader,
  ) {}

  @Get(':requestId')
  @ApiOperation({
    summary:
      'One request with its status history. The employer who called sees its own words, the status and who of the team ' +
      'took and resolved it and when (display name, else role), never anything about the participant; the team sees ' +
      "who has it, the participant's own specialist, the employer's name, the first deadline (`answerBy`) and whether " +
      'it is `overdue`, the resolution note and how each notification was delivered (attempts, last error, next retry); ' +
      'the crisis service what escalated to it.',
  })
  @ApiOkResponse({ content: contactRequestExamples() })
  @ApiProblem(404, 'CONTACT_REQUEST.NOT_FOUND', 'no contact request with this id that you may see')
  async get(
    @PathId('requestId') requestId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EmployerContactRequestView | (StaffContactRequestView & { deliveries: DeliveryStatus[] })> {
    const [view] = (await this.reader.staffViews([await this.reader.one(requestId, principal)])) as [StaffContactRequestView];
    if (lineReaderOf(principal).kind === 'employer') return employerViewOf(view);
    return { ...view, deliveries: await deliveriesOf(this.store.driver, requestId) };
  }
}
