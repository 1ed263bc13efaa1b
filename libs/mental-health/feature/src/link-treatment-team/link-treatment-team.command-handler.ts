import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { CLOCK, Clock } from '@ips/kernel';
import { CLINICIAN_ROLE, decideLinkTreatmentTeam } from '@ips/mental-health/domain';
import { TEAM_FACTS, TeamFacts, namedOnTeam } from '@ips/team-directory';
import { participantCareSlice } from '../participant-care.slice';
import { LinkTreatmentTeamCommand } from './link-treatment-team.command';

/** The decider is told what the team directory says of the clinician today: a member of the participant's team, or not. */
@CommandHandler(LinkTreatmentTeamCommand)
export class LinkTreatmentTeamHandler implements ICommandHandler<LinkTreatmentTeamCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(TEAM_FACTS) private readonly teams: TeamFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ type, data, metadata }: LinkTreatmentTeamCommand): Promise<CommandOutcome> {
    const named = await namedOnTeam(this.teams, data.participantId, { sub: data.clinicianId, agency: CLINICIAN_ROLE.agency }, this.clock.now());
    return this.pipeline.run(participantCareSlice, data.participantId, { type, data: { ...data, named }, metadata }, decideLinkTreatmentTeam);
  }
}
