import { DynamicModule, Module } from '@nestjs/common';
import { CommandsModule } from '@ips/command-pipeline';
import { TEAM_FACTS, TeamDirectory, TeamFactsBinding } from '@ips/team-directory';
import { ChangeRelapseFlagController } from './change-relapse-flag/change-relapse-flag.controller';
import { ClearRelapseFlagController } from './clear-relapse-flag/clear-relapse-flag.controller';
import { EndTreatmentController } from './end-treatment/end-treatment.controller';
import { LinkTreatmentTeamController } from './link-treatment-team/link-treatment-team.controller';
import { ParticipantCareCommands } from './participant-care-command.handler';
import { RaiseRelapseFlagController } from './raise-relapse-flag/raise-relapse-flag.controller';
import { RecordIntegrationMeetingController } from './record-integration-meeting/record-integration-meeting.controller';

/**
 * The mental-health service's routes. Needs CommandPipeline and CLOCK from the composing app, and the service's
 * TeamDirectory (as every service's ServiceModule provides it): the treatment team's clinician is picked from the
 * participant's team. A test without a directory imports `MentalHealthModule.withTeamDirectory(binding)`.
 */
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
  providers: [ParticipantCareCommands, { provide: TEAM_FACTS, useExisting: TeamDirectory }],
})
export class MentalHealthModule {
  /** With its own binding of the teams, in place of the service's TeamDirectory (tests). */
  static withTeamDirectory(binding: TeamFactsBinding): DynamicModule {
    return { module: MentalHealthModule, providers: [{ provide: TEAM_FACTS, ...binding }] };
  }
}
