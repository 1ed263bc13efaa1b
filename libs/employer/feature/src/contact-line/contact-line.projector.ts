import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PostgresEventStore, RecordedEvent, Subscription } from '@ips/event-store';
import { SqlExecutor, migrate } from '@ips/postgres';
import { ContactLineConfig } from './contact-line.config';
import { contactLineMigrations } from './contact-line.migrations';
import { ContactLineProjection, contactLineBatchOf } from './contact-line.projection';
import { CONTACT_LINE_CONFIG, EMPLOYER_STORE } from './contact-line.tokens';
import { projectContactRequestList } from './contact-request-list.projection';
import { DeliveryOutbox } from './delivery-outbox.projection';
import { projectDueEscalations } from './due-escalations.projection';
import { projectEmployerDirectory } from './employer-directory';
import { projectPlacementDirectory } from './placement-directory';
import { projectTeamDirectory } from './team-directory';

export const CONTACT_LINE_SUBSCRIPTION = 'employer.contact-line';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps the contact line's read models from the employer service's own events: a checkpointed subscription
 * whose effects and checkpoint commit in one transaction, so each event counts exactly once, across restarts.
 */
@Injectable()
export class ContactLineProjector implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('contact-line');
  private subscription: Subscription | undefined;
  private readonly listeners: (() => void)[] = [];
  private readonly projections: readonly ContactLineProjection[];

  constructor(
    @Inject(EMPLOYER_STORE) private readonly store: PostgresEventStore,
    @Inject(CONTACT_LINE_CONFIG) private readonly config: ContactLineConfig,
    deliveries: DeliveryOutbox,
  ) {
    // The list's view first: the deliveries read it.
    this.projections = [projectPlacementDirectory, projectTeamDirectory, projectEmployerDirectory, projectContactRequestList, projectDueEscalations, deliveries.project];
  }

  /** Called after each applied batch has committed. */
  afterApply(listener: () => void): void {
    this.listeners.push(listener);
  }

  async onModuleInit(): Promise<void> {
    await migrate(this.store.driver, contactLineMigrations);
  }

  onApplicationBootstrap(): void {
    this.subscription = this.store.subscribe({
      name: CONTACT_LINE_SUBSCRIPTION,
      handle: (events, tx) => this.apply(events, tx),
      pollIntervalMs: this.config.pollIntervalMs,
      onError: (error) => this.logger.warn(`projection will retry: ${String(error)}`),
      onCommitted: () => this.listeners.forEach((listener) => listener()),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /**
   * Read-your-writes: resolves true once every event committed before the call is in the read models,
   * false when that took longer than the configured bound.
   */
  async waitForHead(timeoutMs = this.config.catchUpTimeoutMs): Promise<boolean> {
    const head = await this.store.head();
    const until = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.store.checkpoint(CONTACT_LINE_SUBSCRIPTION)) >= head) return true;
      const left = until - Date.now();
      if (left <= 0) return false;
      // Another process may be the active reader (this one stands by): then only polling tells.
      const poll = pause(Math.min(left, 50));
      await (this.subscription ? Promise.race([this.subscription.caughtUp(), poll]) : poll);
    }
  }

  private async apply(events: readonly RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const ours = events.filter((event) => event.streamId.startsWith('employer.'));
    const batch = contactLineBatchOf(ours);
    for (const project of this.projections) await project(ours, tx, batch);
  }
}
