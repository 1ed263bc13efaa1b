import { Module } from '@nestjs/common';
import { CommandsModule } from '@ips/command-pipeline';
import { AssignContactPersonController } from './assign-contact-person/assign-contact-person.controller';
import { CancelDutyController } from './cancel-duty/cancel-duty.controller';
import { CrisisRotaCommands } from './crisis-rota-command.handler';
import { EndServiceController } from './end-service/end-service.controller';
import { GrantServiceController } from './grant-service/grant-service.controller';
import { OnDutyController } from './on-duty/on-duty.controller';
import { ParticipantServicesCommands } from './participant-services-command.handler';
import { ScheduleDutyController } from './schedule-duty/schedule-duty.controller';

/** The municipality's routes. Needs CommandPipeline, EVENT_STORE and CLOCK from the composing app. */
@Module({
  imports: [CommandsModule],
  controllers: [
    GrantServiceController,
    EndServiceController,
    AssignContactPersonController,
    ScheduleDutyController,
    CancelDutyController,
    OnDutyController,
  ],
  providers: [ParticipantServicesCommands, CrisisRotaCommands],
})
export class MunicipalityModule {}
