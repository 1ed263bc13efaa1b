import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Clock, systemClock } from '@ips/access';
import { CommandPipeline } from '@ips/command-pipeline';
import { PostgresEventStore } from '@ips/event-store';
import { InProcessBus, startOutboxRelay } from '@ips/messaging';
import { PlatformConfig, RunningService, ServiceModule, WebModule, createVerifier, openDatabase, openKeyStore, startHttpApp, webConfigOf } from '@ips/runtime';
import { loadOrCreateSigningKey } from '@ips/access';
import { TimelineFeed, createTeamViewConsumer } from '@ips/team-view';
import { platformFeatures, platformReactions } from './platform.features';

export type RunningPlatform = RunningService;

/** Said once per process (tests start many platforms). */
let demoSignInWarned = false;

/**
 * The embedded profile: every agency and the team view in one process, on one database (PGlite in
 * DATA_DIR, or DATABASE_URL's server), the outbox relayed to an in-process bus.
 */
export async function startPlatform(config: PlatformConfig, clock: Clock = systemClock): Promise<RunningPlatform> {
  const logger = new Logger('platform');
  // The two embedded databases start side by side (each PGlite instance takes seconds to start).
  const [db, keys] = await Promise.all([openDatabase(config), openKeyStore(config, 'embedded')]);
  const store = await PostgresEventStore.open(db);
  const bus = new InProcessBus();
  const timelineFeed = new TimelineFeed();
  const consumer = await createTeamViewConsumer(db, { feed: timelineFeed, onDeadLetter: (_, reason) => logger.warn(`dead letter: ${reason}`) });
  await bus.subscribeBatches('team-view', consumer.handleBatch);
  const pipeline = new CommandPipeline(store, keys.personalData);
  for (const subscribe of platformReactions) await subscribe(bus, pipeline, logger);
  const relay = startOutboxRelay(store, bus, {
    source: 'platform',
    pollIntervalMs: 1000,
    onError: (error) => logger.warn(`outbox relay will retry: ${String(error)}`),
  });
  const verifier = await createVerifier(config, 'embedded');
  const web = webConfigOf({ demoSignIn: config.demoSignIn ?? true, webClients: config.webClients ?? [] });
  if (web.demoSignIn && !demoSignInWarned) {
    demoSignInWarned = true;
    logger.warn('demo sign-in is on: anyone who reaches this port can sign in as any demo user (DEMO_SIGN_IN=off for real data)');
  }
  const http = await startHttpApp(
    ServiceModule.with(
      { db, verifier, clock, personalData: keys.personalData, events: { store, pipeline }, teamView: true, timelineFeed, authFailuresPerMinute: config.authFailuresPerMinute },
      [...platformFeatures(config), WebModule.with(web, web.demoSignIn ? await loadOrCreateSigningKey(config.dataDir) : undefined)],
    ),
    config.port,
    'IPS team platform',
    { web: { clients: web.oidc } },
  );
  http.app.enableShutdownHooks();
  return {
    ...http,
    settled: () => relay.caughtUp(),
    close: async () => {
      await http.app.close();
      await relay.stop();
      await bus.close();
      await keys.close();
      await db.close();
    },
  };
}
