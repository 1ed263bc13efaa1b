import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { DEFAULT_TEAM_ID } from '@ips/contracts';
import { CLOCK, Clock, CommandIssuer, Outcome, refused } from '@ips/kernel';
import { ParticipantErrors, decideReferParticipant, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { TEAM_REGISTRY, TeamRegistry } from '../team-registry.port';
import { DUPLICATE_DETAIL, PossibleDuplicate, ReferParticipantCommand } from './refer-participant.command';
import { ReferralFingerprints } from './referral-fingerprints';

/**
 * The team named must be one the programme defined (none named: the default team, but only while no team is defined).
 * Then the duplicate check, unless the referrer confirmed: someone with the same name and birth date already referred in
 * one of the referrer's teams is refused as a possible duplicate. Once recorded, the referral's fingerprint is kept for
 * later checks.
 */
@CommandHandler(ReferParticipantCommand)
export class ReferParticipantHandler implements ICommandHandler<ReferParticipantCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(TEAM_REGISTRY) private readonly teams: TeamRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly fingerprints: ReferralFingerprints,
  ) {}

  async execute({ type, data, metadata }: ReferParticipantCommand): Promise<CommandOutcome> {
    const { teamId: named, confirmNotDuplicate, ...person } = data;
    const team = await this.teamOf(named);
    if (!team.ok) return team;
    const fingerprint = this.fingerprints.fingerprintOf(person);
    const duplicate = confirmNotDuplicate ? null : await this.possibleDuplicate(fingerprint, metadata.actor);
    if (duplicate) return { ok: false, error: duplicate };
    const outcome = await this.pipeline.run(
      participantSlice,
      person.participantId,
      { type, data: { ...person, teamId: team.teamId }, metadata },
      unlessErased(decideReferParticipant),
    );
    if (outcome.ok) await this.fingerprints.record(person.participantId, fingerprint, team.teamId);
    return outcome;
  }

  private async teamOf(teamId: string | undefined): Promise<Outcome<{ readonly teamId: string }>> {
    if (teamId !== undefined) {
      if (await this.teams.teamExists(teamId)) return { ok: true, teamId };
      return refused('not-found', ParticipantErrors.teamNotFound, 'no team with this id');
    }
    if (!(await this.teams.anyTeamDefined())) return { ok: true, teamId: DEFAULT_TEAM_ID };
    return refused('rejected', ParticipantErrors.teamRequired, 'teamId is required once teams are defined');
  }

  /**
   * Only the referrer's own teams are searched (membership today, any role), so the answer never tells of someone in a
   * team they do not work with: being in IPS is health information. A deployment without teams has no memberships yet,
   * and no check.
   */
  private async possibleDuplicate(fingerprint: string, referrer: CommandIssuer['actor']): Promise<PossibleDuplicate | null> {
    const memberships = await this.teams.teamsOf(referrer, this.clock.now());
    const duplicates = await this.fingerprints.inTeams(fingerprint, [...new Set(memberships.map((membership) => membership.team.teamId))]);
    if (duplicates.length === 0) return null;
    return { kind: 'conflict', code: ParticipantErrors.possibleDuplicate, message: DUPLICATE_DETAIL, duplicates };
  }
}
