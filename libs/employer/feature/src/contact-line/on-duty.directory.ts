import { Inject, Injectable, Logger } from '@nestjs/common';
import { ON_CALL_TIERS } from '@ips/contracts';
import { CommandPipeline } from '@ips/command-pipeline';
import { OnCallRole, OnCallRosterState, OnCallTier, OnDuty, TeamOnCall, initialOnCallRosterState, onCallAt } from '@ips/employer/domain';
import { BatchedLookup } from '@ips/utils';
import { lookupsInFlight } from '@ips/postgres';
import { CRISIS_ON_DUTY, CrisisOnDuty } from './crisis-on-duty.port';
import { ContactLineDatabase, EMPLOYER_STORE } from './contact-line.tokens';
import { onCallRosterSlice } from '../on-call-roster.slice';
import { PROGRAMME_TEAMS, ProgrammeTeams } from './programme-teams.port';
import { teamsOf } from './team-directory';

const TEAM_TIERS: readonly OnCallRole[] = ['employment-specialist', 'supervisor'];

/** Whether the team has someone on call in a tier from `lowest` up. */
const covers = (team: TeamOnCall, lowest: OnCallTier): boolean => {
  const from = ON_CALL_TIERS.indexOf(lowest);
  return TEAM_TIERS.some((tier) => ON_CALL_TIERS.indexOf(tier) >= from && team[tier] !== null);
};

/** Who is on duty for a participant's team, tier by tier: what routing and escalation decide on. */
@Injectable()
export class OnDutyDirectory {
  private readonly logger = new Logger('contact-line');
  private readonly legacyTeams: BatchedLookup<string, string | null>;

  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(EMPLOYER_STORE) employerStore: ContactLineDatabase,
    @Inject(CRISIS_ON_DUTY) private readonly crisis: CrisisOnDuty,
    @Inject(PROGRAMME_TEAMS) private readonly teams: ProgrammeTeams,
  ) {
    const db = employerStore.driver;
    this.legacyTeams = new BatchedLookup((ids) => teamsOf(db, ids), null, { maxInFlight: lookupsInFlight(db) });
  }

  /**
   * The on-call of the participant's current team (the programme's, decision 27: the service's team directory says
   * which team the participant is on at `instant`). When that team has nobody on call from `lowest` up (or no roster),
   * the on-call team defined here before teams that covers the participant's specialist (the upgrade path: on-call
   * teams and shifts from before teams keep routing). The crisis service is asked only when neither has anybody from
   * `lowest` up, and its failure to answer never stops a request: the request then reaches the crisis tier with nobody
   * named.
   */
  async at(participantId: string | null, employmentSpecialistId: string | null, instant: string, lowest: OnCallTier): Promise<OnDuty> {
    const programmeTeamId = participantId ? await this.programmeTeamOf(participantId, instant) : null;
    let team = onCallAt(programmeTeamId ? await this.roster(programmeTeamId) : initialOnCallRosterState, instant, employmentSpecialistId);
    if (!covers(team, lowest)) {
      const legacyTeamId = employmentSpecialistId ? await this.legacyTeams.get(employmentSpecialistId) : null;
      if (legacyTeamId && legacyTeamId !== programmeTeamId) {
        const legacy = onCallAt(await this.roster(legacyTeamId), instant, employmentSpecialistId);
        if (covers(legacy, lowest)) team = legacy;
      }
    }
    return { ...team, 'crisis-service': covers(team, lowest) ? null : await this.crisisAt(instant) };
  }

  private async programmeTeamOf(participantId: string, instant: string): Promise<string | null> {
    try {
      return await this.teams.teamOf(participantId, new Date(instant));
    } catch (error) {
      // The directory is this service's own database, as the line's other read models are; should it fail, the
      // on-call teams from before teams and the crisis service still take the request.
      this.logger.warn(`team directory not readable, routing without the participant's team: ${String(error)}`);
      return null;
    }
  }

  /** The team's roster now, folded from its own stream (read-your-writes): its definition and every shift. */
  roster(teamId: string): Promise<OnCallRosterState> {
    return this.pipeline.load(onCallRosterSlice, teamId);
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
