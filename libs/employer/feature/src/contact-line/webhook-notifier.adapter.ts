import { createHmac, timingSafeEqual } from 'node:crypto';
import { Clock } from '@ips/kernel';
import { ContactLineNotification, Notifier } from './notifier.port';

export const SIGNATURE_HEADER = 'x-ips-signature';
export const DELIVERY_HEADER = 'x-ips-delivery';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the time is signed too, so an old body cannot be replayed. */
export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** What a receiver does: recompute and compare in constant time, and refuse old timestamps. */
export function verifyWebhook(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const fields = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(fields['t']);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !fields['v1']) return false;
  const expected = Buffer.from(signWebhook(secret, t, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Posts each notification, signed, to the team's webhook (a paging or chat gateway). */
export class WebhookNotifier implements Notifier {
  readonly channel = 'webhook';

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly clock: Clock,
    private readonly timeoutMs = 5_000,
  ) {}

  async notify(notification: ContactLineNotification): Promise<void> {
    const body = JSON.stringify(notification);
    const signature = signWebhook(this.secret, Math.floor(this.clock.now().getTime() / 1000), body);
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature, [DELIVERY_HEADER]: notification.deliveryId },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
  }
}
