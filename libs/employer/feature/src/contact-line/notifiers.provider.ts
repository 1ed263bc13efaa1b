import { Provider } from '@nestjs/common';
import { CLOCK, Clock } from '@ips/kernel';
import { ContactLineConfig } from './contact-line.config';
import { CONTACT_LINE_CONFIG, ContactLineDatabase, EMPLOYER_STORE } from './contact-line.tokens';
import { employerNamesOf } from './employer-directory';
import { LogNotifier } from './log-notifier.adapter';
import { NOTIFIERS, Notifier } from './notifier.port';
import { ContactLineStream, SseNotifier } from './sse-notifier.adapter';
import { WebhookNotifier } from './webhook-notifier.adapter';

/** The channels of this deployment: the staff stream always, the log and the webhook as configured. */
export const notifiersProvider: Provider = {
  provide: NOTIFIERS,
  inject: [CONTACT_LINE_CONFIG, CLOCK, ContactLineStream, EMPLOYER_STORE],
  useFactory: (config: ContactLineConfig, clock: Clock, stream: ContactLineStream, store: ContactLineDatabase): Notifier[] => [
    new SseNotifier(stream, async (employerId) => (await employerNamesOf(store.driver, [employerId])).get(employerId) ?? null),
    ...(config.log ? [new LogNotifier()] : []),
    ...(config.webhook ? [new WebhookNotifier(config.webhook.url, config.webhook.secret, clock)] : []),
  ],
};
