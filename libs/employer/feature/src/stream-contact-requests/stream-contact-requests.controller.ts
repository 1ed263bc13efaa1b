import { Logger, MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { Observable, concatMap, filter, map } from 'rxjs';
import { CurrentPrincipal, Principal } from '@ips/access';
import { ContactRequestsController } from '../contact-line/contact-line-route';
import { ContactRequestReader } from '../contact-line/contact-request.reader';
import { ContactLineStream, StreamNotification } from '../contact-line/sse-notifier.adapter';

const exampleData = {
  deliveryId: '0193b2c4-2a00-7b00-8000-00000000e001',
  event: 'contact-request.escalated',
  requestId: '0193b2c4-1f00-7a00-8000-00000000a001',
  placementId: '0193b2c4-1f00-7a00-8000-00000000c101',
  participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
  employerId: '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  urgency: 'urgent',
  status: 'escalated',
  tier: 'supervisor',
  assigneeId: 'sup-siri',
  specialistId: 'es-ingrid',
  employerName: 'Nidar AS',
  acknowledgeBy: '2026-03-02T21:30:00.000Z',
  occurredAt: '2026-03-02T21:15:00.000Z',
  href: '/employer/contact-requests/0193b2c4-1f00-7a00-8000-00000000a001',
};
const example = `id: ${exampleData.deliveryId}\nevent: ${exampleData.event}\ndata: ${JSON.stringify(exampleData)}\n\n`;

/** Registered before GET :requestId, which would otherwise take `stream` for an id. */
@ContactRequestsController()
export class StreamContactRequestsController {
  private readonly logger = new Logger('contact-line');

  constructor(
    private readonly stream: ContactLineStream,
    private readonly reader: ContactRequestReader,
  ) {}

  @Sse('stream')
  @ApiOperation({
    summary:
      'Server-sent events for the staff web app: every request received, escalated, acknowledged or resolved, as it ' +
      "happens, of the reader's own teams' participants (work need, checked again for every event, as the list) and " +
      "those the reader holds or is the participant's specialist for (the crisis service: what reaches its tier). Each " +
      "names who holds it and the participant's own specialist (`specialistId`), who is told of every request about " +
      "their participant, and the employer's name (added for this authenticated stream only: the notifications other " +
      'channels carry have ids only). No message or phone: open `href` for them. Send the bearer token as on every ' +
      'route (read it with fetch; EventSource cannot send headers). Missed events: list the requests.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ content: { 'text/event-stream': { example } } })
  follow(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    return this.stream.follow().pipe(
      concatMap(async (notification) => {
        try {
          return (await this.reader.reaches(principal, notification)) ? notification : null;
        } catch (error) {
          // One event the directory could not check is left out (fail closed); the stream goes on, the list has it.
          this.logger.warn(`contact-line stream left out ${notification.deliveryId}: ${String(error)}`);
          return null;
        }
      }),
      filter((notification): notification is StreamNotification => notification !== null),
      map((notification) => ({ id: notification.deliveryId, type: notification.event, data: notification })),
    );
  }
}
