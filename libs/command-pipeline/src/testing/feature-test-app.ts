import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { DynamicModule, Global, INestApplication, LogLevel, Module, ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { AuthGuard, JwtVerifier, TOKEN_VERIFIER, TokenClaims, WORK_NEED, issueToken, loadOrCreateSigningKey, oneTeamWorkNeed } from '@ips/access';
import { CLOCK, Clock } from '@ips/kernel';
import { EVENT_STORE } from '@ips/event-store';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { ProblemFilter, applyHttpConventions, httpAdapter, readyHttpApp } from '@ips/http';
import { PERSONAL_DATA, PersonalData, PostgresKeyStore } from '@ips/personal-data';
import { PgliteDriver } from '@ips/postgres';
import { CommandPipeline } from '../command-pipeline';

/** A clock that stands still until a test moves it. */
export interface TestClock extends Clock {
  set(at: string | Date): void;
}

export interface FeatureTestAppOptions {
  /** The feature modules under test, e.g. `EmployerModule.withConfig({ minimumHourlyWage: 200 })`. */
  readonly imports: NonNullable<ModuleMetadata['imports']>;
  /** What the clock says until `clock.set` moves it (ISO 8601). */
  readonly now: string;
  /** Nest's own log output; silent unless asked for. */
  readonly logger?: false | LogLevel[];
}

export interface FeatureTestApp {
  readonly nest: INestApplication;
  /** A supertest client for the app's HTTP server: `app.http().post(route)`. */
  http(): ReturnType<typeof request>;
  /** The store the app writes to (an in-memory PGlite database). */
  readonly store: PostgresEventStore;
  /** The pipeline the app runs commands through. */
  readonly pipeline: CommandPipeline;
  /** The app's CommandBus: dispatch a use case's command the way a reaction or a worker would. */
  readonly commands: CommandBus;
  /** Opens what the app stored sealed (personal fields), with the keys it sealed them with. */
  readonly personalData: PersonalData;
  readonly clock: TestClock;
  /** A bearer token the app accepts, signed with the app's own key. */
  token(claims: TokenClaims): Promise<string>;
  close(): Promise<void>;
}

function settableClock(now: string): TestClock {
  let current = new Date(now);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
  };
}

@Global()
@Module({})
class FeatureTestInfrastructureModule {
  static with(store: PostgresEventStore, pipeline: CommandPipeline, personalData: PersonalData, verifier: JwtVerifier, clock: Clock): DynamicModule {
    const providers = [
      { provide: EVENT_STORE, useValue: store },
      { provide: TOKEN_VERIFIER, useValue: verifier },
      { provide: CLOCK, useValue: clock },
      { provide: PERSONAL_DATA, useValue: personalData },
      { provide: CommandPipeline, useValue: pipeline },
      // One agency's routes on their own: a deployment that is one team, so work need never refuses (decision 28).
      { provide: WORK_NEED, useValue: oneTeamWorkNeed },
    ];
    return { module: FeatureTestInfrastructureModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}

@Module({})
class FeatureTestAppModule {}

/**
 * One agency's feature modules in-process, over HTTP, the way apps/platform serves them: the auth guard
 * and problem filter app-wide, the validation pipe, the JSON body limit; an in-memory store, a fixed clock
 * and an embedded signing key (in a temporary directory) whose tokens the app accepts.
 */
export async function startFeatureTestApp(options: FeatureTestAppOptions): Promise<FeatureTestApp> {
  const cleanup: (() => Promise<unknown>)[] = [];
  const close = async (): Promise<void> => {
    for (const step of cleanup.splice(0).reverse()) await step();
  };
  try {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-feature-test-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const key = await loadOrCreateSigningKey(dataDir);
    const driver = await PgliteDriver.open();
    cleanup.push(() => driver.close());
    const store = await PostgresEventStore.open(driver);
    const personalData = new PersonalData(await PostgresKeyStore.open(driver));
    const clock = settableClock(options.now);
    const pipeline = new CommandPipeline(store, personalData, { clock });

    const nest = await NestFactory.create<NestFastifyApplication>(
      {
        module: FeatureTestAppModule,
        imports: [FeatureTestInfrastructureModule.with(store, pipeline, personalData, JwtVerifier.forEmbeddedKey(key.publicKey), clock), ...options.imports],
        providers: [
          { provide: APP_GUARD, useClass: AuthGuard },
          { provide: APP_FILTER, useClass: ProblemFilter },
        ],
      },
      httpAdapter(),
      { bodyParser: false, logger: options.logger ?? false },
    );
    cleanup.push(() => nest.close());
    applyHttpConventions(nest);
    await readyHttpApp(nest);

    return {
      nest,
      http: () => request(nest.getHttpServer()),
      store,
      pipeline,
      commands: nest.get(CommandBus),
      personalData,
      clock,
      token: (claims) => issueToken(key, claims),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
