import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log/access-log.controller';
import { BoardController } from './board/board.controller';
import { CommandsModule } from '@ips/command-pipeline';
import { FidelityController, FidelityReader } from './fidelity/fidelity.controller';
import { FidelityReviewController } from './fidelity/review/fidelity-review.controller';
import { OutcomesController } from './outcomes/outcomes.controller';
import { ParticipantRecords } from './participant-record';
import { ParticipantSummaryController } from './participant-summary/participant-summary.controller';
import { TimelineController } from './timeline/timeline.controller';
import { EmployerPlacementsController } from './employer-placements/employer-placements.controller';
import { ParticipantListController } from './participant-list/participant-list.controller';
import { FollowChangesController } from './live/follow-changes.controller';
import { FollowTimelineController } from './timeline/follow-timeline.controller';
import { TeamScopes } from './team-scope';
import { ProgrammeFidelityController, ProgrammeOutcomesController } from './programme-figures/programme-figures.controller';
import { EmergencyAccessController } from './emergency-access/emergency-access.controller';

/**
 * The integrated team view's routes. Needs TEAM_VIEW_DB, PERSONAL_DATA and CLOCK from the composing app, and
 * an event store and CommandPipeline for the one thing the team view records itself: fidelity reviews, and the
 * TimelineFeed its consumer tells (live pages follow it).
 */
@Module({
  imports: [CommandsModule],
  controllers: [
    AccessLogController,
    BoardController,
    EmergencyAccessController,
    EmployerPlacementsController,
    FidelityController,
    FidelityReviewController,
    OutcomesController,
    ParticipantListController,
    ParticipantSummaryController,
    ProgrammeFidelityController,
    ProgrammeOutcomesController,
    FollowTimelineController,
    FollowChangesController,
    TimelineController,
  ],
  providers: [ParticipantRecords, FidelityReader, TeamScopes],
})
export class TeamViewModule {}
