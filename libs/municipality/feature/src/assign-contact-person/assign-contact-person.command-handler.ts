import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { CLOCK, Clock } from '@ips/kernel';
import { MUNICIPAL_CONTACT_ROLE, decideAssignContactPerson } from '@ips/municipality/domain';
import { TEAM_FACTS, TeamFacts, namedOnTeam } from '@ips/team-directory';
import { participantServicesSlice } from '../participant-services.slice';
import { AssignContactPersonCommand } from './assign-contact-person.command';

/** The decider is told what the team directory says of the contact person today: a member of the participant's team, or not. */
@CommandHandler(AssignContactPersonCommand)
export class AssignContactPersonHandler implements ICommandHandler<AssignContactPersonCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(TEAM_FACTS) private readonly teams: TeamFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ type, data, metadata }: AssignContactPersonCommand): Promise<CommandOutcome> {
    const named = await namedOnTeam(this.teams, data.participantId, { sub: data.contactPersonId, agency: MUNICIPAL_CONTACT_ROLE.agency }, this.clock.now());
    return this.pipeline.run(participantServicesSlice, data.participantId, { type, data: { ...data, named }, metadata }, decideAssignContactPerson);
  }
}
