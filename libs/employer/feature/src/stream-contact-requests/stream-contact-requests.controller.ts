import { MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { Observable, filter, map } from 'rxjs';
import { CurrentPrincipal, Principal } from '@ips/access';
import { lineReaderOf, mayReach } from '../contact-line/contact-line-access';
import { ContactRequestsController } from '../contact-line/contact-line-route';
import { ContactLineStream } from '../contact-line/sse-notifier.adapter';

const exampleData = {
  deliveryId: '0193b2c4-2a00-7b00-8000-00000000e001',
  event: 'contact-request.escalated',
  requestId: '0193b2c4-1f00-7a00-8000-00000000a001',
  urgency: 'urgent',
  status: 'escalated',
  tier: 'supervisor',
  assigneeId: 'sup-siri',
  acknowledgeBy: '2026-03-02T21:30:00.000Z',
  occurredAt: '2026-03-02T21:15:00.000Z',
  href: '/employer/contact-requests/0193b2c4-1f00-7a00-8000-00000000a001',
};
const example = `id: ${exampleData.deliveryId}\nevent: ${exampleData.event}\ndata: ${JSON.stringify(exampleData)}\n\n`;

/** Registered before GET :requestId, which would otherwise take `stream` for an id. */
@ContactRequestsController()
export class StreamContactRequestsController {
  constructor(private readonly stream: ContactLineStream) {}

  @Sse('stream')
  @ApiOperation({
    summary:
      'Server-sent events for the staff web app: every request received, escalated, acknowledged or resolved, as it ' +
      'happens (the crisis service: what reaches its tier). No message or phone: open `href` for them. Send the bearer ' +
      'token as on every route (read it with fetch; EventSource cannot send headers). Missed events: list the requests.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ content: { 'text/event-stream': { example } } })
  follow(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    const reader = lineReaderOf(principal);
    return this.stream.follow().pipe(
      filter((notification) => mayReach(reader, notification)),
      map((notification) => ({ id: notification.deliveryId, type: notification.event, data: notification })),
    );
  }
}
