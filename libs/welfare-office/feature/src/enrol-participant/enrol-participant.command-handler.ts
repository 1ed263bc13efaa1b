import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { CLOCK, Clock } from '@ips/kernel';
import { ENROLMENT_ROLES, EnrolmentStaff, StaffMembership, decideEnrolParticipant, unlessErased } from '@ips/welfare-office/domain';
import { participantSlice } from '../participant.slice';
import { TEAM_REGISTRY, TeamRegistry } from '../team-registry.port';
import { EnrolParticipantCommand } from './enrol-participant.command';

/** The decider is told what the team directory says of the two people named today: their memberships, or null while no team is defined. */
@CommandHandler(EnrolParticipantCommand)
export class EnrolParticipantHandler implements ICommandHandler<EnrolParticipantCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(TEAM_REGISTRY) private readonly teams: TeamRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ type, data, metadata }: EnrolParticipantCommand): Promise<CommandOutcome> {
    const staff = await this.staff(data.employmentSpecialistId, data.contactPersonId);
    return this.pipeline.run(participantSlice, data.participantId, { type, data: { ...data, staff }, metadata }, unlessErased(decideEnrolParticipant));
  }

  private async staff(employmentSpecialistId: string, contactPersonId: string): Promise<EnrolmentStaff | null> {
    if (!(await this.teams.anyTeamDefined())) return null;
    const now = this.clock.now();
    const of = async (sub: string, agency: string): Promise<StaffMembership[]> =>
      (await this.teams.teamsOf({ sub, agency }, now)).map(({ team, period }) => ({ teamId: team.teamId, agency: period.agency, role: period.role }));
    const [employmentSpecialist, contactPerson] = await Promise.all([
      of(employmentSpecialistId, ENROLMENT_ROLES.employmentSpecialist.agency),
      of(contactPersonId, ENROLMENT_ROLES.contactPerson.agency),
    ]);
    return { employmentSpecialist, contactPerson };
  }
}
