import { DynamicModule, Logger, Type } from '@nestjs/common';
import { Clock, systemClock } from '@ips/kernel';
import { CommandDispatcher, CommandPipeline, Reaction, ReactionProgress, subscribeReaction } from '@ips/command-pipeline';
import { CommandBus } from '@nestjs/cqrs';
import { Publisher } from '@ips/contracts';
import { EventFeed, EventStore, OutboxFeed } from '@ips/event-store';
import { KurrentDbEventStore } from '@ips/event-store/kurrentdb';
import { PostgresEventStore, PostgresEventStoreOptions } from '@ips/event-store/postgres';
import { ConsumerStatuses, MessageBus, busRecordSource, startOutboxRelay } from '@ips/messaging';
import { TEAM_VIEW_GROUP, TeamViewModule, TimelineFeed, createTeamViewConsumer } from '@ips/team-view';
import { teamDirectoryGroup } from '@ips/team-directory';
import { SqlDriver } from '@ips/postgres';
import { PlatformConfig } from './config';
import { RunningHttpApp, startHttpApp } from './http-app';
import { logSettingsOf } from './log-settings';
import { ServiceModule } from './infrastructure.module';
import { metricsEndpointOf, metricsSources, serviceMetricsOf } from './service-metrics';
import { createBus, createVerifier, openDatabase, openKeyStore } from './infrastructure';
import { subscribeTeamDirectory } from './team-directory.subscription';

export interface RunningService extends RunningHttpApp {
  /** Resolves once everything committed so far has left this service (agency) or been applied (team view), and its team directory caught up. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

type Subscribe = (bus: MessageBus, commands: CommandDispatcher, logger: Logger) => Promise<ReactionProgress>;

/** A reaction of an agency service to other agencies' shared events, subscribed on its bus. */
export const reactionTo =
  (reaction: Reaction): Subscribe =>
  (bus, commands, logger) =>
    subscribeReaction(bus, commands, reaction, (error, event) => logger.warn(`reaction to ${event.type} ${event.id} refused: ${error.code}`));

export type Profile = 'embedded' | 'distributed';

/** An agency service: its Nest modules and its reactions. */
export interface AgencyService {
  readonly agency: Publisher;
  readonly features: (config: PlatformConfig, profile: Profile) => readonly (Type | DynamicModule)[];
  readonly reactions: readonly Subscribe[];
}

/** One agency alone: its own database and event store, its outbox relayed to the bus (Kafka). */
export async function startAgencyService(service: AgencyService, config: PlatformConfig, clock: Clock = systemClock): Promise<RunningService> {
  const logger = new Logger(service.agency);
  const db = await openDatabase(config);
  const metrics = serviceMetricsOf(config, service.agency);
  const store = await openEventStore(config, db, metrics ? { observer: metrics } : {});
  const keys = await openKeyStore(config, 'distributed');
  const pipeline = new CommandPipeline(store, keys.personalData, { clock });
  if (metrics) pipeline.observedBy(metrics);
  const bus = createBus(config, service.agency, (error) => logger.warn(`bus: ${String(error)}`));
  // Kafka shares a group's messages out among its members: every service needs them all, so each has a group of its own.
  const teams = await subscribeTeamDirectory(db, bus, { group: teamDirectoryGroup(service.agency), outbox: store, logger });
  const consumers = new ConsumerStatuses();
  consumers.add(teams.consumer);
  const verifier = await createVerifier(config, 'distributed');
  const http = await startHttpApp(
    ServiceModule.with(
      {
        db,
        verifier,
        clock,
        personalData: keys.personalData,
        events: { store, pipeline },
        teamDirectory: teams.directory,
        authFailuresPerMinute: config.authFailuresPerMinute,
        service: service.agency,
        consumers,
        keyStore: keys,
        lagBudget: config.healthLagBudget,
        metrics: metricsEndpointOf(config, metrics),
      },
      service.features(config, 'distributed'),
    ),
    config.port,
    `IPS team platform: ${service.agency}`,
    { metrics, logging: logSettingsOf(config, service.agency) },
  );
  // Reactions dispatch through the app's CommandBus like every command, so they follow the app; the relay follows them.
  const reactions: ReactionProgress[] = [];
  for (const subscribe of service.reactions) reactions.push(await subscribe(bus, http.app.get(CommandBus), logger));
  const relay = startOutboxRelay(store, bus, {
    source: service.agency,
    pollIntervalMs: 200,
    onError: (error) => logger.warn(`outbox relay will retry: ${String(error)}`),
  });
  metrics?.readFrom(metricsSources({ db, store, relay: service.agency, consumers, contactLine: service.agency === 'employer', clock }));
  return {
    ...http,
    settled: async () => {
      for (const reaction of reactions) await caughtUp(bus, reaction);
      await relay.caughtUp();
      await caughtUp(bus, teams.consumer);
    },
    // Once: a test may stop one service (an outage) before the whole profile stops.
    close: once(async () => {
      await http.app.close();
      metrics?.close();
      await relay.stop();
      await bus.close();
      await keys.close();
      if (store instanceof KurrentDbEventStore) await store.close();
      await db.close();
    }),
  };
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

/** The team view alone: its database of read models, fed by its consumer group. */
export async function startTeamViewService(config: PlatformConfig, clock: Clock = systemClock): Promise<RunningService> {
  const logger = new Logger('team-view');
  const db = await openDatabase(config);
  const keys = await openKeyStore(config, 'distributed');
  const metrics = serviceMetricsOf(config, TEAM_VIEW_GROUP);
  // The team view's own records (fidelity reviews) are events in its own database; nothing is published.
  const store = await PostgresEventStore.open(db, metrics ? { observer: metrics } : {});
  const pipeline = new CommandPipeline(store, keys.personalData, { clock });
  if (metrics) pipeline.observedBy(metrics);
  const bus = createBus(config, TEAM_VIEW_GROUP, (error) => logger.warn(`team-view consumer will retry: ${String(error)}`));
  const teams = await subscribeTeamDirectory(db, bus, { group: teamDirectoryGroup(TEAM_VIEW_GROUP), outbox: store, logger });
  const timelineFeed = new TimelineFeed();
  const consumer = await createTeamViewConsumer(db, {
    feed: timelineFeed,
    onDeadLetter: (delivery, reason) => logger.warn(`dead letter ${delivery.message.id}: ${reason}`),
    onStopped: (reason) => logger.error(`team-view consumer stopped: ${reason}`),
    onRebuild: (models, result) =>
      logger.log(`rebuilt the read models (${models.join(', ')} were out of date) from ${result.events} events in ${result.seconds.toFixed(1)} s`),
    ...(bus.sendToDeadLetters ? { deadLetterSink: (delivery, reason) => bus.sendToDeadLetters!(TEAM_VIEW_GROUP, delivery, reason) } : {}),
  });
  await consumer.follow(busRecordSource(bus), TEAM_VIEW_GROUP);
  const consumers = new ConsumerStatuses();
  consumers.add(teams.consumer);
  consumers.add(consumer);
  const verifier = await createVerifier(config, 'distributed');
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
        service: TEAM_VIEW_GROUP,
        consumers,
        keyStore: keys,
        lagBudget: config.healthLagBudget,
        metrics: metricsEndpointOf(config, metrics),
      },
      [TeamViewModule],
    ),
    config.port,
    'IPS team platform: team view',
    { metrics, logging: logSettingsOf(config, TEAM_VIEW_GROUP) },
  );
  metrics?.readFrom(metricsSources({ db, store, consumers, clock }));
  return {
    ...http,
    settled: async () => {
      await caughtUp(bus, consumer);
      await caughtUp(bus, teams.consumer);
    },
    close: async () => {
      await http.app.close();
      metrics?.close();
      await bus.close();
      await keys.close();
      await db.close();
    },
  };
}
