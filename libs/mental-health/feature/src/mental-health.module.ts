import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TEAM_FACTS, TeamDirectory, TeamFactsBinding } from '@ips/team-directory';
import { ChangeRelapseFlagHandler } from './change-relapse-flag/change-relapse-flag.command-handler';
import { ChangeRelapseFlagController } from './change-relapse-flag/change-relapse-flag.controller';
import { ClearRelapseFlagHandler } from './clear-relapse-flag/clear-relapse-flag.command-handler';
import { ClearRelapseFlagController } from './clear-relapse-flag/clear-relapse-flag.controller';
import { EndTreatmentHandler } from './end-treatment/end-treatment.command-handler';
import { EndTreatmentController } from './end-treatment/end-treatment.controller';
import { LinkTreatmentTeamHandler } from './link-treatment-team/link-treatment-team.command-handler';
import { LinkTreatmentTeamController } from './link-treatment-team/link-treatment-team.controller';
import { NoteDischargeHandler } from './note-discharge/note-discharge.command-handler';
import { NoteEnrolmentHandler } from './note-enrolment/note-enrolment.command-handler';
import { RaiseRelapseFlagHandler } from './raise-relapse-flag/raise-relapse-flag.command-handler';
import { RaiseRelapseFlagController } from './raise-relapse-flag/raise-relapse-flag.controller';
import { RecordIntegrationMeetingHandler } from './record-integration-meeting/record-integration-meeting.command-handler';
import { RecordIntegrationMeetingController } from './record-integration-meeting/record-integration-meeting.controller';

/**
 * The mental-health service's routes and command handlers. Needs CommandPipeline and CLOCK from the composing app, and
 * the service's TeamDirectory (as every service's ServiceModule provides it): the treatment team's clinician is picked
 * from the participant's team. A test without a directory imports `MentalHealthModule.withTeamDirectory(binding)`.
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    LinkTreatmentTeamController,
    RecordIntegrationMeetingController,
    RaiseRelapseFlagController,
    ChangeRelapseFlagController,
    ClearRelapseFlagController,
    EndTreatmentController,
  ],
  providers: [
    LinkTreatmentTeamHandler,
    RecordIntegrationMeetingHandler,
    RaiseRelapseFlagHandler,
    ChangeRelapseFlagHandler,
    ClearRelapseFlagHandler,
    EndTreatmentHandler,
    NoteEnrolmentHandler,
    NoteDischargeHandler,
    { provide: TEAM_FACTS, useExisting: TeamDirectory },
  ],
})
export class MentalHealthModule {
  /** With its own binding of the teams, in place of the service's TeamDirectory (tests). */
  static withTeamDirectory(binding: TeamFactsBinding): DynamicModule {
    return { module: MentalHealthModule, providers: [{ provide: TEAM_FACTS, ...binding }] };
  }
}
