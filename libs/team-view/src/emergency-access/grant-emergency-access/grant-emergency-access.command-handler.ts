import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, CommandPipeline } from '@ips/command-pipeline';
import { CLOCK, Clock, refused } from '@ips/kernel';
import { TeamDirectory } from '@ips/team-directory';
import { EMERGENCY_ACCESS_HOURS } from '../../team-view.tokens';
import { decideGrantEmergencyAccess } from '../emergency-access';
import { EmergencyAccessRecords } from '../emergency-access.records';
import { emergencyAccessSlice } from '../emergency-access.slice';
import { GrantEmergencyAccessCommand } from './grant-emergency-access.command';

/**
 * The decider is told the participant's team today (none: 404 PARTICIPANT.NOT_FOUND) and the reader's relation to them.
 * The index row is written first: a crash after it leaves a row without a grant (skipped), never a grant no list
 * shows; a refused or failed grant removes it again.
 */
@CommandHandler(GrantEmergencyAccessCommand)
export class GrantEmergencyAccessHandler implements ICommandHandler<GrantEmergencyAccessCommand, CommandOutcome> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly records: EmergencyAccessRecords,
    private readonly directory: TeamDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EMERGENCY_ACCESS_HOURS) private readonly defaultHours: number,
  ) {}

  async execute({ type, data, metadata }: GrantEmergencyAccessCommand): Promise<CommandOutcome> {
    const now = this.clock.now();
    const { grantId, participantId } = data;
    const teamId = await this.directory.teamOf(participantId, now);
    if (teamId === null) return refused('not-found', 'PARTICIPANT.NOT_FOUND', 'no participant with this id');
    const relation = await this.directory.relationTo(metadata.actor, participantId, now);
    const holder = metadata.actor;
    await this.records.index({ grantId, participantId, teamId, holderSub: holder.sub, holderAgency: holder.agency }, now.toISOString());
    let outcome: CommandOutcome;
    try {
      const told = { ...data, teamId, relation, defaultHours: this.defaultHours };
      outcome = await this.pipeline.run(emergencyAccessSlice, participantId, { type, data: told, metadata }, decideGrantEmergencyAccess);
    } catch (error) {
      await this.records.unindex(grantId);
      throw error;
    }
    if (!outcome.ok) await this.records.unindex(grantId);
    return outcome;
  }
}
