import { DynamicModule, Global, Module, Provider, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ACCESS_REFUSALS, AUTH_FAILURES_PER_MINUTE, AuthGuard, TOKEN_VERIFIER, TokenVerifier, WORK_NEED, WorkNeed } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { CommandPipeline } from '@ips/command-pipeline';
import { EVENT_STORE, EventStore } from '@ips/event-store';
import { ProblemFilter } from '@ips/http';
import { ConsumerStatuses, SERVICE_DATABASE } from '@ips/messaging';
import { PERSONAL_DATA, PersonalData } from '@ips/personal-data';
import { SqlDriver } from '@ips/postgres';
import { TeamDirectory } from '@ips/team-directory';
import {
  DEFAULT_EMERGENCY_ACCESS_HOURS,
  EMERGENCY_ACCESS_HOURS,
  EmergencyAccessRecords,
  TEAM_VIEW_DB,
  TimelineFeed,
  teamViewAccessRefusals,
} from '@ips/team-view';
import { HEALTH_DB, HealthController } from './health.controller';
import { METRICS_ENDPOINT, MetricsController, MetricsEndpoint } from './metrics.controller';
import { DEFAULT_LAG_BUDGET, LagBudget } from './health/lag-budget';
import { READINESS_PROBES, Reachable } from './health/readiness';

/** What a service's modules get from its composition root. */
export interface Infrastructure {
  /** The service's own database. */
  readonly db: SqlDriver;
  readonly verifier: TokenVerifier;
  readonly clock: Clock;
  /** Seals and opens participants' personal data with their keys. */
  readonly personalData: PersonalData;
  /** An agency service's event store and command pipeline. */
  readonly events?: { readonly store: EventStore; readonly pipeline: CommandPipeline };
  /** The team view's read models live in `db`. */
  readonly teamView?: boolean;
  /** What the team view's consumer has just applied, for live pages (with `teamView`). */
  readonly timelineFeed?: TimelineFeed;
  /** The service's own copy of the teams and their members (decision 27): every service checks access by it. */
  readonly teamDirectory: TeamDirectory;
  readonly authFailuresPerMinute?: number;
  /** How long an emergency access lasts when its end is left out (with `teamView`; EMERGENCY_ACCESS_HOURS, default 4). */
  readonly emergencyAccessHours?: number;
  /** Which service this is, for health, metrics and logs: `platform` (embedded), or the agency or `team-view` (distributed). */
  readonly service: string;
  /** The service's consumers of the bus, as health and metrics read them. */
  readonly consumers: ConsumerStatuses;
  /** GET /metrics, when metrics are on (METRICS, METRICS_TOKEN). */
  readonly metrics?: MetricsEndpoint;
  /** The key store's database, for readiness (left out: not checked). */
  readonly keyStore?: Reachable;
  /** How far behind a consumer may be while the service is ready (default 60 s, any number of messages). */
  readonly lagBudget?: LagBudget;
}

/**
 * The guard's work-need port: the service's team directory (`member`, `named`), and in the team view, where they are
 * granted, an emergency access in force (`emergency`; the policy table says which routes it opens, decision 30).
 */
const workNeedOf = (directory: TeamDirectory, grants?: EmergencyAccessRecords): WorkNeed => ({
  relationTo: async (reader, participantId, at) => {
    const relation =
      (await directory.relationTo(reader, participantId, at)) ??
      // Read-your-writes: a participant this service referred, moved or named a moment ago may not be in it yet.
      ((await directory.awaitOwnWrites()) === 'applied' ? await directory.relationTo(reader, participantId, at) : null);
    return relation ?? ((await grants?.inForce(reader, participantId, at)) ? 'emergency' : null);
  },
});

@Global()
@Module({})
class InfrastructureModule {
  static with(infra: Infrastructure): DynamicModule {
    const grants = infra.teamView && infra.events ? new EmergencyAccessRecords(infra.events.store, infra.db, infra.events.pipeline) : undefined;
    const providers: Provider[] = [
      { provide: HEALTH_DB, useValue: infra.db },
      {
        provide: READINESS_PROBES,
        useValue: {
          db: infra.db,
          consumers: infra.consumers,
          lagBudget: infra.lagBudget ?? DEFAULT_LAG_BUDGET,
          ...(infra.keyStore ? { keyStore: infra.keyStore } : {}),
        },
      },
      // Where read models and their checkpoints live, whichever store holds the events (decision 5).
      { provide: SERVICE_DATABASE, useValue: infra.db },
      { provide: TOKEN_VERIFIER, useValue: infra.verifier },
      { provide: CLOCK, useValue: infra.clock },
      { provide: PERSONAL_DATA, useValue: infra.personalData },
      { provide: TeamDirectory, useValue: infra.teamDirectory },
      // Work need (decision 28): the guard asks the service's own directory, and the team view's emergency grants.
      { provide: WORK_NEED, useValue: workNeedOf(infra.teamDirectory, grants) },
      ...(infra.events
        ? [
            { provide: EVENT_STORE, useValue: infra.events.store },
            { provide: CommandPipeline, useValue: infra.events.pipeline },
          ]
        : []),
      ...(infra.teamView
        ? [
            { provide: TEAM_VIEW_DB, useValue: infra.db },
            { provide: TimelineFeed, useValue: infra.timelineFeed ?? new TimelineFeed() },
            // The guard's work-need refusals of the team view's reads go to its access log as denied reads.
            { provide: ACCESS_REFUSALS, useValue: teamViewAccessRefusals(infra.db, infra.clock) },
            ...(grants ? [{ provide: EmergencyAccessRecords, useValue: grants }] : []),
            { provide: EMERGENCY_ACCESS_HOURS, useValue: infra.emergencyAccessHours ?? DEFAULT_EMERGENCY_ACCESS_HOURS },
          ]
        : []),
      ...(infra.authFailuresPerMinute ? [{ provide: AUTH_FAILURES_PER_MINUTE, useValue: infra.authFailuresPerMinute }] : []),
    ];
    return { module: InfrastructureModule, providers, exports: providers.map((provider) => (provider as { provide: symbol }).provide) };
  }
}

/** A service's root module: its feature modules behind the auth guard and the problem+json filter, plus /health and (metrics on) /metrics. */
@Module({})
export class ServiceModule {
  static with(infra: Infrastructure, features: readonly (Type | DynamicModule)[]): DynamicModule {
    return {
      module: ServiceModule,
      imports: [InfrastructureModule.with(infra), TerminusModule.forRoot({ logger: false }), ...features],
      controllers: [HealthController, ...(infra.metrics ? [MetricsController] : [])],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        ...(infra.metrics ? [{ provide: METRICS_ENDPOINT, useValue: infra.metrics }] : []),
      ],
    };
  }
}
