import { Logger } from '@nestjs/common';
import { ContactLineNotification, Notifier } from './notifier.port';

/** The embedded profile's own record: one log line per notification. */
export class LogNotifier implements Notifier {
  readonly channel = 'log';
  readonly inProcess = true;
  private readonly logger = new Logger('contact-line');

  async notify(n: ContactLineNotification): Promise<void> {
    const who = n.assigneeId ? `${n.tier} ${n.assigneeId}` : `${n.tier} (nobody on duty)`;
    const by = n.acknowledgeBy ? `, acknowledge by ${n.acknowledgeBy}` : '';
    this.logger.log(`${n.event} ${n.urgency} request ${n.requestId}: ${n.status}, ${who}${by}`);
  }
}
