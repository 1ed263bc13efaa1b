import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccessLogController } from './access-log/access-log.controller';
import { BoardController } from './board/board.controller';
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
import { EndEmergencyAccessHandler } from './emergency-access/end-emergency-access/end-emergency-access.command-handler';
import { GrantEmergencyAccessHandler } from './emergency-access/grant-emergency-access/grant-emergency-access.command-handler';
import { ReviewEmergencyAccessHandler } from './emergency-access/review-emergency-access/review-emergency-access.command-handler';
import { CompleteFidelityReviewHandler } from './fidelity/review/complete-fidelity-review/complete-fidelity-review.command-handler';
import { OpenFidelityReviewHandler } from './fidelity/review/open-fidelity-review/open-fidelity-review.command-handler';
import { ScoreFidelityItemHandler } from './fidelity/review/score-fidelity-item/score-fidelity-item.command-handler';

/**
 * The integrated team view's routes. Needs TEAM_VIEW_DB, PERSONAL_DATA and CLOCK from the composing app, and
 * a CommandPipeline for what the team view records itself (fidelity reviews and emergency access, one command handler
 * per use case), EmergencyAccessRecords, and the TimelineFeed its consumer tells (live pages follow it).
 */
@Module({
  imports: [CqrsModule],
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
  providers: [
    ParticipantRecords,
    FidelityReader,
    TeamScopes,
    OpenFidelityReviewHandler,
    ScoreFidelityItemHandler,
    CompleteFidelityReviewHandler,
    GrantEmergencyAccessHandler,
    EndEmergencyAccessHandler,
    ReviewEmergencyAccessHandler,
  ],
})
export class TeamViewModule {}
