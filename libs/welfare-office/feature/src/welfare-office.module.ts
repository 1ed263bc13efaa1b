import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EnrolParticipantHandler } from './enrol-participant/enrol-participant.command-handler';
import { EnrolParticipantController } from './enrol-participant/enrol-participant.controller';
import { ReferParticipantHandler } from './refer-participant/refer-participant.command-handler';
import { ReferParticipantController } from './refer-participant/refer-participant.controller';

/** The welfare office's routes. Needs CommandPipeline and CLOCK from the composing app. */
@Module({
  imports: [CqrsModule],
  controllers: [ReferParticipantController, EnrolParticipantController],
  providers: [ReferParticipantHandler, EnrolParticipantHandler],
})
export class WelfareOfficeModule {}
