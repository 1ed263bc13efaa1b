import { AcknowledgementWindows } from '@ips/employer/domain';

export interface ContactLineConfig {
  /** Minutes to acknowledge a request before it escalates, per urgency (e.g. 15 urgent, 60 routine). */
  readonly acknowledgeWithin: AcknowledgementWindows;
  /** How often the escalation and delivery workers look for due work when nothing woke them. */
  readonly pollIntervalMs: number;
  /** How long a request waits for the read models to catch up with the store before answering. */
  readonly catchUpTimeoutMs: number;
  /** A log line per notification (the embedded profile). */
  readonly log: boolean;
  /** Requests one employer may send per minute before 429: far above any real use, a stop for a runaway client. */
  readonly requestsPerMinute: number;
  /** Where to post signed notifications (the team's paging or chat gateway), if anywhere. */
  readonly webhook?: { readonly url: string; readonly secret: string };
}

export const defaultContactLineConfig: ContactLineConfig = {
  acknowledgeWithin: { urgent: 15, routine: 60 },
  pollIntervalMs: 5_000,
  catchUpTimeoutMs: 3_000,
  requestsPerMinute: 120,
  log: false,
};

export function checkContactLineConfig(config: ContactLineConfig): ContactLineConfig {
  for (const [urgency, minutes] of Object.entries(config.acknowledgeWithin)) {
    if (!(Number.isFinite(minutes) && minutes > 0)) {
      throw new Error(`the acknowledgement window for ${urgency} requests must be a positive number of minutes, not ${minutes}`);
    }
  }
  if (!(Number.isInteger(config.requestsPerMinute) && config.requestsPerMinute > 0)) {
    throw new Error(`the contact line's requests per minute must be a positive whole number, not ${config.requestsPerMinute}`);
  }
  if (config.webhook) {
    const { url, secret } = config.webhook;
    if (!/^https?:\/\/[^\s]+$/.test(url)) throw new Error(`the contact line webhook must be an http(s) URL, not ${url}`);
    // HMAC-SHA256 with a short secret is guessable: ask for at least 128 bits' worth of characters.
    if (secret.length < 16) throw new Error('the contact line webhook secret must be at least 16 characters');
  }
  return config;
}
