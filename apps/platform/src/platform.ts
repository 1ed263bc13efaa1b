import 'reflect-metadata';
import path from 'node:path';
import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Clock, JwtVerifier, loadOrCreateSigningKey, systemClock } from '@ips/access';
import { CommandPipeline, subscribeReaction } from '@ips/command-pipeline';
import { PostgresEventStore, Subscription } from '@ips/event-store';
import { employerReaction } from '@ips/employer/feature';
import { mentalHealthReaction } from '@ips/mental-health/feature';
import { applyHttpConventions } from '@ips/http';
import { InProcessBus, startOutboxRelay } from '@ips/messaging';
import { PgDriver, PgliteDriver, SqlDriver, ensureDatabase } from '@ips/postgres';
import { createTeamViewConsumer } from '@ips/team-view';
import { PlatformConfig } from './config';
import { PlatformModule } from './platform.module';

export interface RunningPlatform {
  readonly app: INestApplication;
  readonly url: string;
  /** Resolves once everything committed so far is visible in the team view. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

async function openDatabase(config: PlatformConfig): Promise<SqlDriver> {
  if (config.databaseUrl) {
    await ensureDatabase(config.databaseUrl);
    return new PgDriver({ connectionString: config.databaseUrl });
  }
  return PgliteDriver.open(path.join(config.dataDir, 'pglite'));
}

/** Applies the HTTP conventions of api-contract.md to a Nest app (also used by the services). */
export function configureHttp(app: NestExpressApplication): void {
  applyHttpConventions(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('IPS team platform')
      .setDescription(
        'One IPS team across the welfare office, mental health, employers and the municipality. ' +
          'Every route but /health needs Authorization: Bearer <JWT>; errors are application/problem+json.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
}

export async function startPlatform(config: PlatformConfig, clock: Clock = systemClock): Promise<RunningPlatform> {
  const logger = new Logger('platform');
  const db = await openDatabase(config);
  const store = await PostgresEventStore.open(db);
  const bus = new InProcessBus();
  const consumer = await createTeamViewConsumer(db, (reason) => logger.warn(`dead letter: ${reason}`));
  await bus.subscribe('team-view', consumer.handle);
  const pipeline = new CommandPipeline(store);
  const refused = (error: { code: string }, event: { type: string; id: string }): void =>
    logger.warn(`reaction to ${event.type} ${event.id} refused: ${error.code}`);
  await subscribeReaction(bus, pipeline, mentalHealthReaction, refused);
  await subscribeReaction(bus, pipeline, employerReaction, refused);
  const relay: Subscription = startOutboxRelay(store, bus, {
    source: 'platform',
    pollIntervalMs: 1000,
    onError: (error) => logger.warn(`outbox relay will retry: ${String(error)}`),
  });
  const key = await loadOrCreateSigningKey(config.dataDir);
  const verifier =
    config.identityProviders.length > 0
      ? JwtVerifier.forIdentityProviders(config.identityProviders, key.publicKey)
      : JwtVerifier.forEmbeddedKey(key.publicKey);

  const app = await NestFactory.create<NestExpressApplication>(
    PlatformModule.with({
      store,
      teamViewDb: db,
      verifier,
      clock,
      pipeline,
      minimumHourlyWage: config.minimumHourlyWage,
      contactLine: config.contactLine,
    }),
    { bodyParser: false, logger: ['error', 'warn', 'log'] },
  );
  configureHttp(app);
  app.enableShutdownHooks();
  await app.listen(config.port);
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    settled: () => relay.caughtUp(),
    close: async () => {
      await app.close();
      await relay.stop();
      await bus.close();
      await db.close();
    },
  };
}
