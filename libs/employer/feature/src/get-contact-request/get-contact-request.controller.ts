import { Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ips/access';
import { PathId } from '@ips/http';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { lineReaderOf } from '../contact-line/contact-line-access';
import { ApiProblem, ContactRequestsController } from '../contact-line/contact-line-route';
import { ContactLineDatabase, EMPLOYER_STORE } from '../contact-line/contact-line.tokens';
import { contactRequestExamples } from '../contact-line/contact-request.examples';
import { EmployerContactRequestView, StaffContactRequestView, employerViewOf, openViews } from '../contact-line/contact-request.view';
import { DeliveryStatus, deliveriesOf } from '../contact-line/deliveries.query';
import { ContactRequestCommands } from '../contact-request-command.handler';

@ContactRequestsController()
export class GetContactRequestController {
  constructor(
    private readonly requests: ContactRequestCommands,
    @Inject(EMPLOYER_STORE) private readonly store: ContactLineDatabase,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  @Get(':requestId')
  @ApiOperation({
    summary:
      'One request with its status history. The employer who called sees its own words and the status, never anything ' +
      'about the participant; the team sees who has it, the resolution note and how each notification was delivered ' +
      '(attempts, last error, next retry); the crisis service what escalated to it.',
  })
  @ApiOkResponse({ content: contactRequestExamples() })
  @ApiProblem(404, 'CONTACT_REQUEST.NOT_FOUND', 'no contact request with this id that you may see')
  async get(
    @PathId('requestId') requestId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EmployerContactRequestView | (StaffContactRequestView & { deliveries: DeliveryStatus[] })> {
    const [view] = (await openViews(this.personalData, [await this.requests.view(requestId, principal)])) as [StaffContactRequestView];
    if (lineReaderOf(principal).kind === 'employer') return employerViewOf(view);
    return { ...view, deliveries: await deliveriesOf(this.store.driver, requestId) };
  }
}
