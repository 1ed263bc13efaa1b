import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { CLOCK, Clock, refused } from '@ips/kernel';
import { TeamDirectory } from '@ips/team-directory';
import { EmergencyAccessErrors, decideReviewEmergencyAccess } from '../emergency-access';
import { EmergencyAccessRecords } from '../emergency-access.records';
import { supervisedTeams } from '../../team-scope';
import { emergencyAccessSlice } from '../emergency-access.slice';
import { ReviewEmergencyAccessCommand } from './review-emergency-access.command';

/**
 * Only a supervisor, today, of the team the participant was on when the glass was broken reviews a grant: to anyone
 * else it is one that does not exist.
 */
@CommandHandler(ReviewEmergencyAccessCommand)
export class ReviewEmergencyAccessHandler implements ICommandHandler<ReviewEmergencyAccessCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly records: EmergencyAccessRecords,
    private readonly directory: TeamDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ReviewEmergencyAccessCommand): Promise<CommandOutcome> {
    const row = await this.records.indexed(command.data.grantId);
    if (!row || row.teamId === null || !(await supervisedTeams(this.directory, command.metadata.actor, this.clock.now())).includes(row.teamId)) {
      const message = 'no emergency access with this id to a participant of a team you supervise';
      return refused('not-found', EmergencyAccessErrors.notFound, message);
    }
    return this.pipeline.run(emergencyAccessSlice, row.participantId, command, decideReviewEmergencyAccess);
  }
}
