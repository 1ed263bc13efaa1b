import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CLOCK, Clock } from '@ips/kernel';
import { PollingWorker } from '@ips/utils';
import { ContactLineConfig } from '../contact-line/contact-line.config';
import { ContactLineProjector } from '../contact-line/contact-line.projector';
import { ClaimedDelivery, DeliveryOutbox } from '../contact-line/delivery-outbox.projection';
import { CONTACT_LINE_CONFIG, ContactLineDatabase, EMPLOYER_STORE } from '../contact-line/contact-line.tokens';
import { ContactLineNotification, NOTIFIERS, Notifier } from '../contact-line/notifier.port';
import { DELIVERY_POLICY, nextAttemptAfter } from './delivery-policy';

/** Deliveries claimed in one pass (one statement); the pass sends only while its lease has time left. */
const CLAIM_LIMIT = 200;

/**
 * A pass starts no attempt later than this into its lease: the attempt (a webhook waits up to 5 s) then ends
 * well before the lease does, so no other process can claim a delivery this one is still sending.
 */
const SEND_WITHIN_MS = DELIVERY_POLICY.leaseMs / 2;

/**
 * While deliveries written here keep arriving claimed, the table is still asked this often (real time) for the
 * rest that is due: retries, and deliveries whose writer stopped before sending them.
 */
const CLAIM_FROM_TABLE_EVERY_MS = 1_000;

/** When a delivery's send window closes: SEND_WITHIN_MS into its lease. */
const sendBy = (delivery: ClaimedDelivery): number => delivery.claimedUntil.getTime() - DELIVERY_POLICY.leaseMs + SEND_WITHIN_MS;

type ClaimedRow = { delivery_id: string; channel: string; notification: ContactLineNotification; attempts: number; next_attempt_at: unknown };
type Attempted = {
  readonly deliveryId: string;
  readonly attempts: number;
  readonly status: 'delivered' | 'pending' | 'failed';
  readonly next: Date | null;
  readonly error: string | null;
};

/**
 * Sends due deliveries through their channel's notifier, at least once: a delivery is claimed for a lease,
 * marked delivered after the notifier returns, and otherwise tried again with back-off until it is failed.
 * Every attempt is recorded on the delivery, which the team sees on the request.
 */
@Injectable()
export class NotificationDeliveries implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('contact-line');
  private readonly byChannel: ReadonlyMap<string, Notifier>;
  private worker: PollingWorker | undefined;
  /** Written and claimed here by the projector, committed, not yet sent. */
  private readonly written: ClaimedDelivery[] = [];
  private lastClaimFromTable = -Infinity;

  constructor(
    @Inject(EMPLOYER_STORE) private readonly store: ContactLineDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTACT_LINE_CONFIG) private readonly config: ContactLineConfig,
    @Inject(NOTIFIERS) notifiers: readonly Notifier[],
    private readonly projector: ContactLineProjector,
    outbox: DeliveryOutbox,
  ) {
    this.byChannel = new Map(notifiers.map((notifier) => [notifier.channel, notifier]));
    // Here, not at bootstrap: the projector may commit a batch before this worker starts.
    projector.afterApply(() => {
      this.written.push(...outbox.handOverWritten());
      this.worker?.wake();
    });
  }

  onApplicationBootstrap(): void {
    this.worker = new PollingWorker({
      // New deliveries commit with the projector's checkpoint, which wakes this worker after each commit.
      // A pass that claimed fewer than it may, and tried all it claimed, has left nothing due behind it.
      step: async () => (await this.deliverDue()).more,
      idleDelayMs: this.config.pollIntervalMs,
      onError: (error) => this.logger.warn(`deliveries will retry: ${String(error)}`),
    });
    this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.stop();
    this.worker = undefined;
  }

  /**
   * Delivers everything due now and returns once a pass finds nothing more (what tests call after moving
   * the clock): through the running worker, so an attempt already in flight is waited for, not raced.
   */
  async tick(): Promise<void> {
    await this.projector.waitForHead();
    if (this.worker) await this.worker.idle();
    else await this.deliverDue();
  }

  private async deliverDue(): Promise<{ readonly more: boolean }> {
    const now = this.clock.now();
    const inTime: ClaimedDelivery[] = [];
    const late: ClaimedDelivery[] = [];
    for (const delivery of this.written.splice(0)) (now.getTime() < sendBy(delivery) ? inTime : late).push(delivery);
    // Written so long ago that their send window has closed (a long pass before, or a clock moved on): back to the table.
    if (late.length > 0) await this.release(late);
    const fromTable = inTime.length === 0 || performance.now() - this.lastClaimFromTable >= CLAIM_FROM_TABLE_EVERY_MS ? await this.claimFromTable(now) : [];
    const claimed = [...inTime, ...fromTable].sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
    // In order, one at a time (a pager sees "received" before "escalated"); the attempts recorded together.
    // Past a delivery's send window the rest go back unclaimed, for the next pass here or in another process.
    const attempted: Attempted[] = [];
    for (const delivery of claimed) {
      if (this.clock.now().getTime() >= sendBy(delivery)) break;
      attempted.push(await this.attempt(delivery));
    }
    const untried = claimed.slice(attempted.length);
    if (untried.length > 0) await this.release(untried);
    await this.record(attempted);
    return { more: fromTable.length === CLAIM_LIMIT || untried.length > 0 || this.written.length > 0 };
  }

  private async claimFromTable(now: Date): Promise<ClaimedDelivery[]> {
    this.lastClaimFromTable = performance.now();
    const claimedUntil = new Date(now.getTime() + DELIVERY_POLICY.leaseMs);
    const rows = await this.store.driver.query<ClaimedRow>(
      `update ecl_deliveries set claimed_until = $2
        where delivery_id in (
          select delivery_id from ecl_deliveries
           where status = 'pending' and next_attempt_at <= $1 and (claimed_until is null or claimed_until <= $1)
           order by next_attempt_at limit ${CLAIM_LIMIT} for update skip locked)
        returning delivery_id, channel, notification, attempts, next_attempt_at`,
      [now.toISOString(), claimedUntil.toISOString()],
    );
    return rows.map((row) => ({
      deliveryId: row.delivery_id,
      channel: row.channel,
      notification: row.notification,
      attempts: Number(row.attempts),
      nextAttemptAt: new Date(row.next_attempt_at as string | Date),
      claimedUntil,
    }));
  }

  /** Claimed but not tried: unclaimed again, unless the lease has already passed to someone else. */
  private async release(deliveries: readonly ClaimedDelivery[]): Promise<void> {
    await this.store.driver.query(
      `update ecl_deliveries d set claimed_until = null
         from unnest($1::uuid[], $2::timestamptz[]) as r(delivery_id, claimed_until)
        where d.delivery_id = r.delivery_id and d.claimed_until = r.claimed_until`,
      [deliveries.map((delivery) => delivery.deliveryId), deliveries.map((delivery) => delivery.claimedUntil.toISOString())],
    );
  }

  private async attempt(delivery: ClaimedDelivery): Promise<Attempted> {
    const attempts = delivery.attempts + 1;
    try {
      const notifier = this.byChannel.get(delivery.channel);
      if (!notifier) throw new Error(`no ${delivery.channel} channel is configured`);
      await notifier.notify(delivery.notification);
      return { deliveryId: delivery.deliveryId, attempts, status: 'delivered', next: null, error: null };
    } catch (error) {
      const next = nextAttemptAfter(this.clock.now(), attempts);
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      if (!next) this.logger.error(`${delivery.channel} delivery ${delivery.deliveryId} failed for good: ${reason}`);
      return { deliveryId: delivery.deliveryId, attempts, status: next ? 'pending' : 'failed', next, error: reason };
    }
  }

  /** One statement for a pass's attempts. A crash before it sends them again after the lease: at least once. */
  private async record(attempted: readonly Attempted[]): Promise<void> {
    if (attempted.length === 0) return;
    await this.store.driver.query(
      `update ecl_deliveries d
          set status = a.status, attempts = a.attempts, last_attempt_at = $1, last_error = a.error, claimed_until = null,
              next_attempt_at = coalesce(a.next, d.next_attempt_at),
              delivered_at = case when a.status = 'delivered' then $1::timestamptz end
         from unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::timestamptz[]) as a(delivery_id, status, attempts, error, next)
        where d.delivery_id = a.delivery_id`,
      [
        this.clock.now().toISOString(),
        attempted.map((a) => a.deliveryId),
        attempted.map((a) => a.status),
        attempted.map((a) => a.attempts),
        attempted.map((a) => a.error),
        attempted.map((a) => a.next?.toISOString() ?? null),
      ],
    );
  }
}
