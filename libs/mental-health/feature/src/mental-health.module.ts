import { Module } from '@nestjs/common';
import { CommandsModule } from '@ips/command-pipeline';
import { ChangeRelapseFlagController } from './change-relapse-flag/change-relapse-flag.controller';
import { ClearRelapseFlagController } from './clear-relapse-flag/clear-relapse-flag.controller';
import { EndTreatmentController } from './end-treatment/end-treatment.controller';
import { LinkTreatmentTeamController } from './link-treatment-team/link-treatment-team.controller';
import { ParticipantCareCommands } from './participant-care-command.handler';
import { RaiseRelapseFlagController } from './raise-relapse-flag/raise-relapse-flag.controller';
import { RecordIntegrationMeetingController } from './record-integration-meeting/record-integration-meeting.controller';

/** The mental-health service's routes. Needs CommandPipeline and CLOCK from the composing app. */
@Module({
  imports: [CommandsModule],
  controllers: [
    LinkTreatmentTeamController,
    RecordIntegrationMeetingController,
    RaiseRelapseFlagController,
    ChangeRelapseFlagController,
    ClearRelapseFlagController,
    EndTreatmentController,
  ],
  providers: [ParticipantCareCommands],
})
export class MentalHealthModule {}
