import { Inject, Injectable, Logger } from '@nestjs/common';
import { ON_CALL_TIERS } from '@ips/contracts';
import {
  OnCallRole,
  OnCallTier,
  OnDuty,
  initialOnCallRosterState,
  onCallAt,
  onCallRosterAggregate,
} from '@ips/employer/domain';
import { EVENT_STORE, EventStore, PostgresEventStore } from '@ips/event-store';
import { BatchedLookup, streamId } from '@ips/utils';
import { lookupsInFlight } from '@ips/postgres';
import { CRISIS_ON_DUTY, CrisisOnDuty } from './crisis-on-duty.port';
import { EMPLOYER_STORE } from './contact-line.tokens';
import { foldRecorded } from './recorded';
import { teamsOf } from './team-directory';

const TEAM_TIERS: readonly OnCallRole[] = ['employment-specialist', 'supervisor'];

/** Who is on duty for a participant's team, tier by tier: what routing and escalation decide on. */
@Injectable()
export class OnDutyDirectory {
  private readonly logger = new Logger('contact-line');
  private readonly teams: BatchedLookup<string, string | null>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EMPLOYER_STORE) employerStore: PostgresEventStore,
    @Inject(CRISIS_ON_DUTY) private readonly crisis: CrisisOnDuty,
  ) {
    const db = employerStore.driver;
    this.teams = new BatchedLookup((ids) => teamsOf(db, ids), null, { maxInFlight: lookupsInFlight(db) });
  }

  /**
   * The team is the one whose on-call covers the participant's specialist. The crisis service is asked
   * only when the team has nobody from `lowest` up, and its failure to answer never stops a request:
   * the request then reaches the crisis tier with nobody named.
   */
  async at(employmentSpecialistId: string | null, instant: string, lowest: OnCallTier): Promise<OnDuty> {
    const teamId = employmentSpecialistId ? await this.teams.get(employmentSpecialistId) : null;
    const roster = teamId
      ? foldRecorded(onCallRosterAggregate, (await this.store.readStream(streamId(onCallRosterAggregate.category, teamId))).events)
      : initialOnCallRosterState;
    const team = onCallAt(roster, instant, employmentSpecialistId);
    const from = ON_CALL_TIERS.indexOf(lowest);
    const covered = TEAM_TIERS.some((tier) => ON_CALL_TIERS.indexOf(tier) >= from && team[tier] !== null);
    return { ...team, 'crisis-service': covered ? null : await this.crisisAt(instant) };
  }

  private async crisisAt(instant: string): Promise<string | null> {
    try {
      return (await this.crisis.onDutyAt(instant))[0] ?? null;
    } catch (error) {
      this.logger.warn(`crisis service rota not reachable, routing with nobody named: ${String(error)}`);
      return null;
    }
  }
}
