import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthGuard, CLOCK, Clock, TOKEN_VERIFIER, TokenVerifier } from '@ips/access';
import { CommandPipeline } from '@ips/command-pipeline';
import { EVENT_STORE, EventStore } from '@ips/event-store';
import { ProblemFilter } from '@ips/http';
import { SqlDriver } from '@ips/postgres';
import { TEAM_VIEW_DB, TeamViewModule } from '@ips/team-view';
import { ContactLineConfig, EmployerModule } from '@ips/employer/feature';
import { MentalHealthModule } from '@ips/mental-health/feature';
import { MunicipalityModule } from '@ips/municipality/feature';
import { WelfareOfficeModule } from '@ips/welfare-office/feature';
import { HealthController } from './health.controller';
import { MunicipalityCrisisOnDuty } from './municipality-crisis-on-duty.adapter';

export interface PlatformInfrastructure {
  readonly store: EventStore;
  readonly teamViewDb: SqlDriver;
  readonly verifier: TokenVerifier;
  readonly clock: Clock;
  readonly pipeline: CommandPipeline;
  readonly minimumHourlyWage: number;
  readonly contactLine?: Partial<ContactLineConfig>;
}

@Global()
@Module({})
class InfrastructureModule {
  static with(infra: PlatformInfrastructure): DynamicModule {
    const providers = [
      { provide: EVENT_STORE, useValue: infra.store },
      { provide: TEAM_VIEW_DB, useValue: infra.teamViewDb },
      { provide: TOKEN_VERIFIER, useValue: infra.verifier },
      { provide: CLOCK, useValue: infra.clock },
      { provide: CommandPipeline, useValue: infra.pipeline },
    ];
    return { module: InfrastructureModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}

/** The embedded all-in-one: every agency's module and the team view in one process. */
@Module({})
export class PlatformModule {
  static with(infra: PlatformInfrastructure): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        InfrastructureModule.with(infra),
        WelfareOfficeModule,
        MentalHealthModule,
        EmployerModule.withConfig(
          // The embedded profile keeps a log line of every notification besides the staff stream.
          { minimumHourlyWage: infra.minimumHourlyWage, contactLine: { log: true, ...infra.contactLine } },
          { crisisOnDuty: MunicipalityCrisisOnDuty },
        ),
        MunicipalityModule,
        TeamViewModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
