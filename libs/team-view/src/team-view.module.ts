import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log/access-log.controller';
import { BoardController } from './board/board.controller';
import { FidelityController } from './fidelity/fidelity.controller';
import { OutcomesController } from './outcomes/outcomes.controller';
import { ParticipantRecords } from './participant-record';
import { ParticipantSummaryController } from './participant-summary/participant-summary.controller';
import { TimelineController } from './timeline/timeline.controller';

/** The integrated team view's routes. Needs TEAM_VIEW_DB, PERSONAL_DATA and CLOCK from the composing app. */
@Module({
  controllers: [AccessLogController, BoardController, FidelityController, OutcomesController, ParticipantSummaryController, TimelineController],
  providers: [ParticipantRecords],
})
export class TeamViewModule {}
