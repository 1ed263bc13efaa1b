import { Module } from '@nestjs/common';
import { BoardController } from './board/board.controller';
import { ParticipantSummaryController } from './participant-summary/participant-summary.controller';
import { TimelineController } from './timeline/timeline.controller';

/** The integrated team view's routes. Needs TEAM_VIEW_DB and CLOCK from the composing app. */
@Module({ controllers: [BoardController, ParticipantSummaryController, TimelineController] })
export class TeamViewModule {}
