import { DynamicModule, Module } from '@nestjs/common';
import { CommandsModule } from '@ips/command-pipeline';
import { ChangePlacementTermsController } from './change-placement-terms/change-placement-terms.controller';
import { EmployerCommands } from './employer-command.handler';
import { EMPLOYER_CONFIG, EmployerConfig } from './employer.config';
import { EndPlacementController } from './end-placement/end-placement.controller';
import { ParticipantEmploymentCommands } from './participant-employment-command.handler';
import { RecordFollowAlongContactController } from './record-follow-along-contact/record-follow-along-contact.controller';
import { RegisterEmployerController } from './register-employer/register-employer.controller';
import { StartPlacementController } from './start-placement/start-placement.controller';

/**
 * The employer service's routes. Needs CommandPipeline, EVENT_STORE and CLOCK from the composing app;
 * import it as `EmployerModule.withConfig({ minimumHourlyWage })` (or provide EMPLOYER_CONFIG globally).
 */
@Module({
  imports: [CommandsModule],
  controllers: [
    RegisterEmployerController,
    StartPlacementController,
    RecordFollowAlongContactController,
    ChangePlacementTermsController,
    EndPlacementController,
  ],
  providers: [EmployerCommands, ParticipantEmploymentCommands],
})
export class EmployerModule {
  static withConfig(config: EmployerConfig): DynamicModule {
    if (!Number.isFinite(config.minimumHourlyWage) || config.minimumHourlyWage < 0) {
      throw new Error(`minimumHourlyWage must be a number of at least 0, not ${config.minimumHourlyWage}`);
    }
    return { module: EmployerModule, providers: [{ provide: EMPLOYER_CONFIG, useValue: config }] };
  }
}
