import { AcknowledgementWindows } from '@ips/employer/domain';

export interface ContactLineConfig {
  /** Minutes to acknowledge a request before it escalates, per urgency (e.g. 15 urgent, 60 routine). */
  readonly acknowledgeWithin: AcknowledgementWindows;
  /** How often the escalation and delivery workers look for due work when nothing woke them. */
  readonly pollIntervalMs: number;
  /** How long a request waits for the read models to catch up with the store before answering. */
  readonly catchUpTimeoutMs: number;
}

export const defaultContactLineConfig: ContactLineConfig = {
  acknowledgeWithin: { urgent: 15, routine: 60 },
  pollIntervalMs: 5_000,
  catchUpTimeoutMs: 3_000,
};

export function checkContactLineConfig(config: ContactLineConfig): ContactLineConfig {
  for (const [urgency, minutes] of Object.entries(config.acknowledgeWithin)) {
    if (!(Number.isFinite(minutes) && minutes > 0)) {
      throw new Error(`the acknowledgement window for ${urgency} requests must be a positive number of minutes, not ${minutes}`);
    }
  }
  return config;
}
