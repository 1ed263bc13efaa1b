import { DynamicModule, Module } from '@nestjs/common';
import { CommandsModule } from '@ips/command-pipeline';
import { TEAM_FACTS, TeamDirectory, TeamFactsBinding } from '@ips/team-directory';
import { AssignContactPersonController } from './assign-contact-person/assign-contact-person.controller';
import { CancelDutyController } from './cancel-duty/cancel-duty.controller';
import { CrisisRotaCommands } from './crisis-rota-command.handler';
import { EndServiceController } from './end-service/end-service.controller';
import { GrantServiceController } from './grant-service/grant-service.controller';
import { OnDutyController } from './on-duty/on-duty.controller';
import { ParticipantServicesCommands } from './participant-services-command.handler';
import { ScheduleDutyController } from './schedule-duty/schedule-duty.controller';

/**
 * The municipality's routes. Needs CommandPipeline, EVENT_STORE and CLOCK from the composing app, and the service's
 * TeamDirectory (as every service's ServiceModule provides it): the contact person is picked from the participant's
 * team. A test without a directory imports `MunicipalityModule.withTeamDirectory(binding)`.
 */
@Module({
  imports: [CommandsModule],
  controllers: [GrantServiceController, EndServiceController, AssignContactPersonController, ScheduleDutyController, CancelDutyController, OnDutyController],
  providers: [ParticipantServicesCommands, CrisisRotaCommands, { provide: TEAM_FACTS, useExisting: TeamDirectory }],
})
export class MunicipalityModule {
  /** With its own binding of the teams, in place of the service's TeamDirectory (tests). */
  static withTeamDirectory(binding: TeamFactsBinding): DynamicModule {
    return { module: MunicipalityModule, providers: [{ provide: TEAM_FACTS, ...binding }] };
  }
}
