import { DynamicModule, Logger, Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandDispatcher, CommandPipeline, Reaction, ReactionProgress, subscribeReaction } from '@ips/command-pipeline';
import { Publisher } from '@ips/contracts';
import { EventFeed, EventStore, OutboxFeed } from '@ips/event-store';
import { KurrentDbEventStore } from '@ips/event-store/kurrentdb';
import { PostgresEventStore, PostgresEventStoreOptions } from '@ips/event-store/postgres';
import { Clock, systemClock } from '@ips/kernel';
import { ConsumerStatuses, InProcessBus, MessageBus, busRecordSource, startOutboxRelay } from '@ips/messaging';
import { SqlDriver } from '@ips/postgres';
import { teamDirectoryGroup } from '@ips/team-directory';
import { TEAM_VIEW_GROUP, TeamViewModule, TimelineFeed, createTeamViewConsumer } from '@ips/team-view';
import { PlatformConfig } from './config';
import { RunningHttpApp, startHttpApp } from './http-app';
import { ServiceModule } from './infrastructure.module';
import { createBus, createVerifier, openDatabase, openKeyStore } from './infrastructure';
import { logSettingsOf } from './log-settings';
import { metricsEndpointOf, metricsSources, serviceMetricsOf } from './service-metrics';
import { subscribeTeamDirectory } from './team-directory.subscription';
import { WebClient } from './config';

export type Profile = 'embedded' | 'distributed';

type Subscribe = (bus: MessageBus, commands: CommandDispatcher, logger: Logger) => Promise<ReactionProgress>;

/** A reaction of an agency service to other agencies' shared events, subscribed on its bus. */
export const reactionTo =
  (reaction: Reaction): Subscribe =>
  (bus, commands, logger) =>
    subscribeReaction(bus, commands, reaction, (error, event) => logger.warn(`reaction to ${event.type} ${event.id} refused: ${error.code}`));

/** An agency service: its Nest modules and its reactions. */
export interface AgencyService {
  readonly agency: Publisher;
  readonly features: (config: PlatformConfig, profile: Profile) => readonly (Type | DynamicModule)[];
  readonly reactions: readonly Subscribe[];
}

/** What one process runs: agency services, the team view, or (embedded) all of them. */
export interface Services {
  readonly agencies: readonly AgencyService[];
  readonly teamView: boolean;
  /** More modules for this process: the embedded platform's web app. */
  readonly modules?: readonly (Type | DynamicModule)[];
  /** Serve the web app at `/` (the embedded platform; distributed, the gateway does). */
  readonly web?: { readonly clients: readonly WebClient[] };
}

export interface RunningService extends RunningHttpApp {
  /** Resolves once everything committed so far has left this process (agencies) or been applied (team view), its team directory included. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The one composition of both profiles. Embedded: every agency and the team view in one process, on one database, an
 * in-process bus. Distributed: one agency or the team view per process, its own database, Kafka (when KAFKA_BROKERS is
 * set). Either way: the database, the key store, the event store and its pipeline, the bus, the team directory, the
 * team view's consumer (if it runs here), the HTTP app, the reactions (through the app's CommandBus), the outbox relay.
 */
export async function compose(profile: Profile, services: Services, config: PlatformConfig, clock: Clock = systemClock): Promise<RunningService> {
  const name = serviceName(profile, services);
  const logger = new Logger(name);
  // The two embedded databases start side by side (each PGlite instance takes seconds to start).
  const [db, keys] = await Promise.all([openDatabase(config), openKeyStore(config, profile)]);
  const metrics = serviceMetricsOf(config, name);
  const observed = metrics ? { observer: metrics } : {};
  // An agency's events go to its configured store; the team view's own records (fidelity reviews, grants) and the
  // embedded platform's always to the database (nothing the team view records is published).
  const store =
    profile === 'distributed' && services.agencies.length > 0 ? await openEventStore(config, db, observed) : await PostgresEventStore.open(db, observed);
  const bus = profile === 'embedded' ? new InProcessBus() : createBus(config, name, (error) => logger.warn(`bus: ${String(error)}`));
  // First on the bus: whoever handles a message after it finds the directory as of that message. Kafka shares a group's
  // messages out among its members, and every service needs them all: distributed, each has a group of its own.
  const teams = await subscribeTeamDirectory(db, bus, {
    group: profile === 'embedded' ? teamDirectoryGroup() : teamDirectoryGroup(name),
    outbox: store,
    logger,
  });
  const consumers = new ConsumerStatuses();
  consumers.add(teams.consumer);
  const teamView = services.teamView ? await startTeamViewConsumer(db, bus, profile, logger) : undefined;
  if (teamView) consumers.add(teamView.consumer);
  const pipeline = new CommandPipeline(store, keys.personalData, { clock });
  if (metrics) pipeline.observedBy(metrics);
  const verifier = await createVerifier(config, profile);
  const http = await startHttpApp(
    ServiceModule.with(
      {
        db,
        verifier,
        clock,
        personalData: keys.personalData,
        events: { store, pipeline },
        ...(teamView ? { teamView: true, timelineFeed: teamView.feed, emergencyAccessHours: config.emergencyAccessHours } : {}),
        teamDirectory: teams.directory,
        authFailuresPerMinute: config.authFailuresPerMinute,
        service: name,
        consumers,
        keyStore: keys,
        lagBudget: config.healthLagBudget,
        metrics: metricsEndpointOf(config, metrics),
      },
      [...services.agencies.flatMap((agency) => agency.features(config, profile)), ...(services.teamView ? [TeamViewModule] : []), ...(services.modules ?? [])],
    ),
    config.port,
    titleOf(profile, name),
    { ...(services.web ? { web: services.web } : {}), metrics, logging: logSettingsOf(config, name) },
  );
  // Reactions dispatch through the app's CommandBus like every command, so they follow the app; the relay follows them.
  const reactions: ReactionProgress[] = [];
  for (const subscribe of services.agencies.flatMap((agency) => agency.reactions)) reactions.push(await subscribe(bus, http.app.get(CommandBus), logger));
  const relay =
    services.agencies.length > 0
      ? startOutboxRelay(store, bus, {
          source: name,
          pollIntervalMs: profile === 'embedded' ? 1000 : 200,
          onError: (error) => logger.warn(`outbox relay will retry: ${String(error)}`),
        })
      : undefined;
  const contactLine = services.agencies.some((agency) => agency.agency === 'employer');
  metrics?.readFrom(metricsSources({ db, store, ...(relay ? { relay: name } : {}), consumers, contactLine, clock }));
  if (profile === 'embedded') http.app.enableShutdownHooks();
  return {
    ...http,
    settled: async () => {
      for (const reaction of reactions) await caughtUp(bus, reaction);
      await relay?.caughtUp();
      if (teamView) await caughtUp(bus, teamView.consumer);
      await caughtUp(bus, teams.consumer);
    },
    // Once: a test may stop one service (an outage) before the whole profile stops.
    close: once(async () => {
      await http.app.close();
      metrics?.close();
      await relay?.stop();
      await bus.close();
      await keys.close();
      if (store instanceof KurrentDbEventStore) await store.close();
      await db.close();
    }),
  };
}

/** Embedded, the platform; distributed, the one service this process runs. */
function serviceName(profile: Profile, services: Services): string {
  if (profile === 'embedded') return 'platform';
  const [agency, ...more] = services.agencies;
  if (more.length > 0 || (agency && services.teamView)) throw new Error('a distributed process runs one agency service, or the team view');
  if (agency) return agency.agency;
  if (services.teamView) return TEAM_VIEW_GROUP;
  throw new Error('nothing to run: no agency service and no team view');
}

function titleOf(profile: Profile, name: string): string {
  if (profile === 'embedded') return 'IPS team platform';
  return `IPS team platform: ${name === TEAM_VIEW_GROUP ? 'team view' : name}`;
}

/** The team view's read models, fed by its consumer group: embedded, each batch as the in-process bus hands it on. */
async function startTeamViewConsumer(db: SqlDriver, bus: MessageBus, profile: Profile, logger: Logger) {
  const feed = new TimelineFeed();
  const deadLetters = bus.sendToDeadLetters?.bind(bus);
  const consumer = await createTeamViewConsumer(db, {
    feed,
    onDeadLetter: (delivery, reason) => logger.warn(`dead letter ${delivery.message.id}: ${reason}`),
    onStopped: (reason) => logger.error(`team-view consumer stopped: ${reason}`),
    onRebuild: (models, result) =>
      logger.log(`rebuilt the team view's read models (${models.join(', ')} were out of date) from ${result.events} events in ${result.seconds.toFixed(1)} s`),
    ...(deadLetters ? { deadLetterSink: (delivery, reason) => deadLetters(TEAM_VIEW_GROUP, delivery, reason) } : {}),
  });
  if (profile === 'embedded' && bus instanceof InProcessBus) {
    await bus.subscribeBatches(TEAM_VIEW_GROUP, consumer.handleBatch);
    consumer.following();
  } else {
    await consumer.follow(busRecordSource(bus), TEAM_VIEW_GROUP);
  }
  return { feed, consumer };
}

function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

/**
 * EVENT_STORE: the service's PostgreSQL database, or KurrentDB (decision 17). The service keeps its database either way
 * (health, and read models such as the employer line's, which follow the store through its `events`, decision 5).
 */
export async function openEventStore(
  config: Pick<PlatformConfig, 'eventStore'>,
  db: SqlDriver,
  options: PostgresEventStoreOptions = {},
): Promise<EventStore & OutboxFeed & EventFeed> {
  if (config.eventStore?.kind !== 'kurrentdb') return PostgresEventStore.open(db, options);
  return KurrentDbEventStore.connect(config.eventStore.url);
}

/** Resolves once a consumer has handled everything on the bus so far (at once on the in-process bus, which delivers synchronously). */
async function caughtUp(bus: MessageBus, consumer: { position(stream: string): Promise<number>; readonly stopped?: boolean }): Promise<void> {
  if (!bus.ends) return;
  const ends = await bus.ends();
  for (;;) {
    // A consumer that stopped (its checkpoints belong to another cluster, decision 41) will not catch up: nothing to wait for.
    if (consumer.stopped) return;
    const positions = await Promise.all([...ends.keys()].map((stream) => consumer.position(stream)));
    if ([...ends.values()].every((end, i) => (positions[i] ?? 0) >= end)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
