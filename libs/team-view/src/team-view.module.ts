import { Module } from '@nestjs/common';
import { ParticipantSummaryController } from './participant-summary/participant-summary.controller';
import { TimelineController } from './timeline/timeline.controller';

/** The integrated team view's routes. Needs TEAM_VIEW_DB and CLOCK from the composing app. */
@Module({ controllers: [ParticipantSummaryController, TimelineController] })
export class TeamViewModule {}
