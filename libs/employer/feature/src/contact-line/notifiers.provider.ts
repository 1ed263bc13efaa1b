import { Provider } from '@nestjs/common';
import { CLOCK, Clock } from '@ips/access';
import { ContactLineConfig } from './contact-line.config';
import { CONTACT_LINE_CONFIG } from './contact-line.tokens';
import { LogNotifier } from './log-notifier.adapter';
import { NOTIFIERS, Notifier } from './notifier.port';
import { ContactLineStream, SseNotifier } from './sse-notifier.adapter';
import { WebhookNotifier } from './webhook-notifier.adapter';

/** The channels of this deployment: the staff stream always, the log and the webhook as configured. */
export const notifiersProvider: Provider = {
  provide: NOTIFIERS,
  inject: [CONTACT_LINE_CONFIG, CLOCK, ContactLineStream],
  useFactory: (config: ContactLineConfig, clock: Clock, stream: ContactLineStream): Notifier[] => [
    new SseNotifier(stream),
    ...(config.log ? [new LogNotifier()] : []),
    ...(config.webhook ? [new WebhookNotifier(config.webhook.url, config.webhook.secret, clock)] : []),
  ],
};
