import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@ips/kernel';
import { ContactRequestErrors, OnCallTier } from '@ips/employer/domain';
import { PollingWorker } from '@ips/utils';
import { ContactLineConfig } from '../contact-line/contact-line.config';
import { ContactLineProjector } from '../contact-line/contact-line.projector';
import { CONTACT_LINE_CONFIG, ContactLineDatabase, EMPLOYER_STORE } from '../contact-line/contact-line.tokens';
import { EscalateContactRequestCommand } from './escalate-contact-request.command';

/** The line itself escalates: the events say so, for the access log. */
export const CONTACT_LINE_ACTOR = { sub: 'employer-contact-line', agency: 'employer', role: 'system' } as const;

/** Refusals that mean someone else already moved the request on: its row is stale. */
const SETTLED: readonly string[] = [
  ContactRequestErrors.alreadyEscalated,
  ContactRequestErrors.alreadyAcknowledged,
  ContactRequestErrors.alreadyResolved,
  ContactRequestErrors.noFurtherEscalation,
  ContactRequestErrors.notFound,
];

type DueRow = { request_id: string; participant_id: string; level: number; next_tier: OnCallTier };

/**
 * escalate-contact-request: escalates every request whose deadline has passed by the injected clock, each as an
 * EscalateContactRequestCommand on the CommandBus.
 * Deadlines are rows (see due-escalations.projection), so a restart in between still escalates on time;
 * the decider refuses a second escalation of the same level, so two workers fire a deadline once.
 */
@Injectable()
export class ContactRequestEscalations implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('contact-line');
  private worker: PollingWorker | undefined;

  constructor(
    private readonly commands: CommandBus,
    @Inject(EMPLOYER_STORE) private readonly store: ContactLineDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTACT_LINE_CONFIG) private readonly config: ContactLineConfig,
    private readonly projector: ContactLineProjector,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new PollingWorker({
      step: async () => (await this.escalateDue()) > 0,
      idleDelayMs: this.config.pollIntervalMs,
      onError: (error) => this.logger.warn(`escalation will retry: ${String(error)}`),
    });
    this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.stop();
    this.worker = undefined;
  }

  /** One pass now, after the deadlines have caught up with every event: how many requests escalated. */
  async tick(): Promise<number> {
    await this.projector.waitForHead();
    return this.escalateDue();
  }

  private async escalateDue(): Promise<number> {
    const now = this.clock.now().toISOString();
    const due = await this.store.driver.query<DueRow>(
      'select request_id, participant_id, level, next_tier from ecl_due_escalations where due_at <= $1 order by due_at limit 100',
      [now],
    );
    let escalated = 0;
    for (const row of due) if (await this.escalate(row, now)) escalated++;
    return escalated;
  }

  private async escalate(row: DueRow, now: string): Promise<boolean> {
    const command = new EscalateContactRequestCommand(
      { requestId: row.request_id, level: Number(row.level), participantId: row.participant_id, nextTier: row.next_tier },
      { actor: CONTACT_LINE_ACTOR, now, correlationId: `${row.request_id}:escalation-${row.level}` },
    );
    const outcome = await this.commands.execute(command);
    if (outcome.ok) return true;
    if (SETTLED.includes(outcome.error.code)) {
      await this.store.driver.query('delete from ecl_due_escalations where request_id = $1 and level = $2', [row.request_id, row.level]);
    }
    return false;
  }
}
