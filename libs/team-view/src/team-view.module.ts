import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log/access-log.controller';
import { BoardController } from './board/board.controller';
import { FidelityController } from './fidelity/fidelity.controller';
import { OutcomesController } from './outcomes/outcomes.controller';
import { ParticipantSummaryController } from './participant-summary/participant-summary.controller';
import { TimelineController } from './timeline/timeline.controller';

/** The integrated team view's routes. Needs TEAM_VIEW_DB and CLOCK from the composing app. */
@Module({ controllers: [AccessLogController, BoardController, FidelityController, OutcomesController, ParticipantSummaryController, TimelineController] })
export class TeamViewModule {}
