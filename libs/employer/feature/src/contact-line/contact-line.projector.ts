import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { RecordSource, RecordedEvent, inCategories } from '@ips/event-store';
import { CheckpointedProjection } from '@ips/messaging';
import { SqlExecutor, migrate } from '@ips/postgres';
import { ContactLineConfig } from './contact-line.config';
import { contactLineMigrations } from './contact-line.migrations';
import { ContactLineProjection, contactLineBatchOf } from './contact-line.projection';
import { CONTACT_LINE_CONFIG, ContactLineDatabase, EMPLOYER_EVENTS, EMPLOYER_STORE } from './contact-line.tokens';
import { projectContactRequestList } from './contact-request-list.projection';
import { DeliveryOutbox } from './delivery-outbox.projection';
import { projectDueEscalations } from './due-escalations.projection';
import { projectEmployerDirectory } from './employer-directory';
import { projectPlacementDirectory } from './placement-directory';
import { projectTeamDirectory } from './team-directory';

export const CONTACT_LINE_SUBSCRIPTION = 'employer.contact-line';

/**
 * The line reads the employer service's streams alone. Embedded, its store is every agency's: the source filters by
 * category (an index on PostgreSQL, decision 37) rather than the line reading the whole log; `apply` checks again for a
 * source that cannot filter.
 */
export const CONTACT_LINE_CATEGORIES: readonly string[] = ['employer'];

/**
 * The line's read models, folds of the employer's events alone, in the order they run (the list's view first: the
 * deliveries read it). A rebuild makes these again; the deliveries (ecl_deliveries) are the notifications' outbox, whose
 * rows also record what was sent, so they are only ever written live.
 */
export const CONTACT_LINE_READ_MODELS: readonly ContactLineProjection[] = [
  projectPlacementDirectory,
  projectTeamDirectory,
  projectEmployerDirectory,
  projectContactRequestList,
  projectDueEscalations,
];

/** Their tables, which a rebuild replaces. */
export const CONTACT_LINE_READ_MODEL_TABLES: readonly string[] = [
  'ecl_placements',
  'ecl_team_members',
  'ecl_employers',
  'ecl_contact_requests',
  'ecl_due_escalations',
];

/**
 * Keeps the contact line's read models from the employer service's own events, wherever they are stored (decision 5): a
 * checkpointed projection whose effects and checkpoint commit in one transaction of the service's database, so each
 * event counts exactly once, across restarts.
 */
@Injectable()
export class ContactLineProjector implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('contact-line');
  private projection: CheckpointedProjection<RecordedEvent> | undefined;
  private readonly listeners: (() => void)[] = [];
  private readonly projections: readonly ContactLineProjection[];

  constructor(
    @Inject(EMPLOYER_EVENTS) private readonly events: RecordSource<RecordedEvent>,
    @Inject(EMPLOYER_STORE) private readonly database: ContactLineDatabase,
    @Inject(CONTACT_LINE_CONFIG) private readonly config: ContactLineConfig,
    deliveries: DeliveryOutbox,
  ) {
    this.projections = [...CONTACT_LINE_READ_MODELS, deliveries.project];
  }

  /** Called after each applied batch has committed. */
  afterApply(listener: () => void): void {
    this.listeners.push(listener);
  }

  async onModuleInit(): Promise<void> {
    // The consumers' checkpoints first: the line's migrations carry its old checkpoint over into them.
    this.projection = await CheckpointedProjection.open(this.database.driver, this.events, CONTACT_LINE_SUBSCRIPTION, {
      apply: (events, tx) => this.apply(events, tx),
      pollIntervalMs: this.config.pollIntervalMs,
      categories: CONTACT_LINE_CATEGORIES,
      onError: (error) => this.logger.warn(`projection will retry: ${String(error)}`),
      onCommitted: () => this.listeners.forEach((listener) => listener()),
    });
    await migrate(this.database.driver, contactLineMigrations);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projection?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.projection?.stop();
  }

  /**
   * Read-your-writes: resolves true once every event committed before the call is in the read models,
   * false when that took longer than the configured bound.
   */
  waitForHead(timeoutMs = this.config.catchUpTimeoutMs): Promise<boolean> {
    if (!this.projection) throw new Error('the contact line projector has not been initialised');
    return this.projection.caughtUp(timeoutMs);
  }

  private async apply(events: readonly RecordedEvent[], tx: SqlExecutor): Promise<void> {
    await applyToContactLine(this.projections, events, tx);
  }
}

/** The line's read models after `events` (the employer's own; others are skipped): live, and in a rebuild. */
export async function applyToContactLine(projections: readonly ContactLineProjection[], events: readonly RecordedEvent[], tx: SqlExecutor): Promise<void> {
  const ours = events.filter((event) => inCategories(event.streamId, CONTACT_LINE_CATEGORIES));
  const batch = contactLineBatchOf(ours);
  for (const project of projections) await project(ours, tx, batch);
}
