import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GRANT_HOLDER } from '@ips/access';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { refused } from '@ips/kernel';
import { EmergencyAccessErrors, decideEndEmergencyAccess } from '../emergency-access';
import { EmergencyAccessRecords } from '../emergency-access.records';
import { emergencyAccessSlice } from '../emergency-access.slice';
import { EndEmergencyAccessCommand } from './end-emergency-access.command';

/** The grant's stream is its participant's (the index says which); a grant of someone else's is one that does not exist. */
@CommandHandler(EndEmergencyAccessCommand)
export class EndEmergencyAccessHandler implements ICommandHandler<EndEmergencyAccessCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly records: EmergencyAccessRecords,
  ) {}

  async execute(command: EndEmergencyAccessCommand): Promise<CommandOutcome> {
    const row = await this.records.indexed(command.data.grantId);
    const { actor } = command.metadata;
    if (!row || !GRANT_HOLDER.is(actor, { sub: row.holderSub, agency: row.holderAgency })) {
      return refused('not-found', EmergencyAccessErrors.notFound, 'no emergency access of yours with this id');
    }
    return this.pipeline.run(emergencyAccessSlice, row.participantId, command, decideEndEmergencyAccess);
  }
}
