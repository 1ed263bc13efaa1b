import { CommandBus } from '@nestjs/cqrs';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DEFAULT_TOKEN_MAX_LIFETIME_HOURS, loadOrCreateSigningKey } from '@ips/access';
import { Clock, systemClock } from '@ips/kernel';
import { CommandPipeline } from '@ips/command-pipeline';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { ConsumerStatuses, InProcessBus, startOutboxRelay } from '@ips/messaging';
import {
  DemoSignInSwitch,
  PlatformConfig,
  RunningService,
  ServiceModule,
  WebModule,
  createVerifier,
  demoTokenSeconds,
  logSettingsOf,
  metricsEndpointOf,
  metricsSources,
  openDatabase,
  openKeyStore,
  serviceMetricsOf,
  startHttpApp,
  subscribeTeamDirectory,
} from '@ips/runtime';
import { teamDirectoryGroup } from '@ips/team-directory';
import { TimelineFeed, createTeamViewConsumer } from '@ips/team-view';
import { platformFeatures, platformReactions } from './platform.features';

export type RunningPlatform = RunningService;

/**
 * The embedded profile: every agency and the team view in one process, on one database (PGlite in
 * DATA_DIR, or DATABASE_URL's server), the outbox relayed to an in-process bus.
 */
export async function startPlatform(config: PlatformConfig, clock: Clock = systemClock): Promise<RunningPlatform> {
  const logger = new Logger('platform');
  // The two embedded databases start side by side (each PGlite instance takes seconds to start).
  const [db, keys] = await Promise.all([openDatabase(config), openKeyStore(config, 'embedded')]);
  const metrics = serviceMetricsOf(config, 'platform');
  const store = await PostgresEventStore.open(db, metrics ? { observer: metrics } : {});
  const bus = new InProcessBus();
  // First on the bus: whoever handles a message after it finds the directory as of that message.
  const teams = await subscribeTeamDirectory(db, bus, { group: teamDirectoryGroup(), outbox: store, logger });
  const timelineFeed = new TimelineFeed();
  const consumer = await createTeamViewConsumer(db, {
    feed: timelineFeed,
    onDeadLetter: (_, reason) => logger.warn(`dead letter: ${reason}`),
    onRebuild: (models, result) =>
      logger.log(`rebuilt the team view's read models (${models.join(', ')} were out of date) from ${result.events} events in ${result.seconds.toFixed(1)} s`),
  });
  await bus.subscribeBatches('team-view', consumer.handleBatch);
  consumer.following();
  const consumers = new ConsumerStatuses();
  consumers.add(teams.consumer);
  consumers.add(consumer);
  const pipeline = new CommandPipeline(store, keys.personalData, { clock });
  if (metrics) pipeline.observedBy(metrics);
  const verifier = await createVerifier(config, 'embedded');
  // The demo sign-in: DEMO_SIGN_IN=on or off, else on while the data directory holds the demo team (npm run seed).
  const demoSwitch = new DemoSignInSwitch(config.demoSignIn ?? 'demo-team', config.dataDir, logger);
  if (demoSwitch.offBecause() === 'no-demo-team') {
    logger.log('demo sign-in is off: no demo team in this data directory (npm run seed adds one and turns it on; DEMO_SIGN_IN=on turns it on)');
  }
  const demo = {
    switch: demoSwitch,
    key: await loadOrCreateSigningKey(config.dataDir),
    tokenSeconds: demoTokenSeconds(config.tokenMaxLifetimeHours ?? DEFAULT_TOKEN_MAX_LIFETIME_HOURS),
  };
  const oidc = config.webClients ?? [];
  const http = await startHttpApp(
    ServiceModule.with(
      {
        db,
        verifier,
        clock,
        personalData: keys.personalData,
        events: { store, pipeline },
        teamView: true,
        timelineFeed,
        teamDirectory: teams.directory,
        authFailuresPerMinute: config.authFailuresPerMinute,
        emergencyAccessHours: config.emergencyAccessHours,
        service: 'platform',
        consumers,
        keyStore: keys,
        lagBudget: config.healthLagBudget,
        metrics: metricsEndpointOf(config, metrics),
      },
      [...platformFeatures(config), WebModule.with({ oidc, demo })],
    ),
    config.port,
    'IPS team platform',
    { web: { clients: oidc }, metrics, logging: logSettingsOf(config, 'platform') },
  );
  // Reactions dispatch through the app's CommandBus like every command; the relay starts once they listen.
  for (const subscribe of platformReactions) await subscribe(bus, http.app.get(CommandBus), logger);
  const relay = startOutboxRelay(store, bus, {
    source: 'platform',
    pollIntervalMs: 1000,
    onError: (error) => logger.warn(`outbox relay will retry: ${String(error)}`),
  });
  metrics?.readFrom(metricsSources({ db, store, relay: 'platform', consumers, contactLine: true, clock }));
  http.app.enableShutdownHooks();
  return {
    ...http,
    // The in-process bus hands each batch to every group (the team directory too) before the relay moves on.
    settled: () => relay.caughtUp(),
    close: async () => {
      await http.app.close();
      metrics?.close();
      await relay.stop();
      await bus.close();
      await keys.close();
      await db.close();
    },
  };
}
