import { SqlExecutor } from '@ips/postgres';

export interface DeliveryStatus {
  readonly deliveryId: string;
  readonly channel: string;
  readonly event: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly lastAttemptAt: string | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
}

type Row = {
  delivery_id: string;
  channel: string;
  notification: { event: string };
  status: DeliveryStatus['status'];
  attempts: number;
  last_attempt_at: unknown;
  last_error: string | null;
  next_attempt_at: unknown;
  delivered_at: unknown;
};

const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/** How the notifications about a request went: what the team checks when nobody seems to have been told. */
export async function deliveriesOf(db: SqlExecutor, requestId: string): Promise<DeliveryStatus[]> {
  const rows = await db.query<Row>(
    `select delivery_id, channel, notification, status, attempts, last_attempt_at, last_error, next_attempt_at, delivered_at
       from ecl_deliveries where request_id = $1 order by delivery_id`,
    [requestId],
  );
  return rows.map((row) => ({
    deliveryId: row.delivery_id,
    channel: row.channel,
    event: row.notification.event,
    status: row.status,
    attempts: Number(row.attempts),
    lastAttemptAt: iso(row.last_attempt_at),
    lastError: row.last_error,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    deliveredAt: iso(row.delivered_at),
  }));
}
