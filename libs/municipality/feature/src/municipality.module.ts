import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TEAM_FACTS, TeamDirectory, TeamFactsBinding } from '@ips/team-directory';
import { AssignContactPersonHandler } from './assign-contact-person/assign-contact-person.command-handler';
import { AssignContactPersonController } from './assign-contact-person/assign-contact-person.controller';
import { CancelDutyHandler } from './cancel-duty/cancel-duty.command-handler';
import { CancelDutyController } from './cancel-duty/cancel-duty.controller';
import { EndServiceHandler } from './end-service/end-service.command-handler';
import { EndServiceController } from './end-service/end-service.controller';
import { GrantServiceHandler } from './grant-service/grant-service.command-handler';
import { GrantServiceController } from './grant-service/grant-service.controller';
import { OnDutyController } from './on-duty/on-duty.controller';
import { ScheduleDutyHandler } from './schedule-duty/schedule-duty.command-handler';
import { ScheduleDutyController } from './schedule-duty/schedule-duty.controller';

/**
 * The municipality's routes and command handlers. Needs CommandPipeline and CLOCK from the composing app, and the
 * service's TeamDirectory (as every service's ServiceModule provides it): the contact person is picked from the
 * participant's team. A test without a directory imports `MunicipalityModule.withTeamDirectory(binding)`.
 */
@Module({
  imports: [CqrsModule],
  controllers: [GrantServiceController, EndServiceController, AssignContactPersonController, ScheduleDutyController, CancelDutyController, OnDutyController],
  providers: [
    GrantServiceHandler,
    EndServiceHandler,
    AssignContactPersonHandler,
    ScheduleDutyHandler,
    CancelDutyHandler,
    { provide: TEAM_FACTS, useExisting: TeamDirectory },
  ],
})
export class MunicipalityModule {
  /** With its own binding of the teams, in place of the service's TeamDirectory (tests). */
  static withTeamDirectory(binding: TeamFactsBinding): DynamicModule {
    return { module: MunicipalityModule, providers: [{ provide: TEAM_FACTS, ...binding }] };
  }
}
