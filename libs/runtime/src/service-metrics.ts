import { Clock } from '@ips/kernel';
import { contactLineFigures } from '@ips/employer/feature';
import { EventStore } from '@ips/event-store';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { ConsumerStatuses, deadLettersByConsumer, outboxRelayCheckpoint } from '@ips/messaging';
import { MetricsSources, ServiceMetrics } from '@ips/observability';
import { SqlDriver } from '@ips/postgres';
import { PlatformConfig } from './config';
import { MetricsEndpoint } from './metrics.controller';

/** A service's metrics, or none with METRICS=off (nothing counted, no /metrics). */
export const serviceMetricsOf = (config: Pick<PlatformConfig, 'metrics'>, service: string): ServiceMetrics | undefined =>
  config.metrics?.enabled === false ? undefined : new ServiceMetrics(service);

/** What /metrics serves, and to whom (METRICS_TOKEN). */
export const metricsEndpointOf = (config: Pick<PlatformConfig, 'metrics'>, metrics: ServiceMetrics | undefined): MetricsEndpoint | undefined =>
  metrics && { metrics, ...(config.metrics?.token ? { token: config.metrics.token } : {}) };

/** The parts of a running service whose state is read at scrape time. */
export interface ScrapedParts {
  readonly db: SqlDriver;
  readonly store: EventStore;
  /** The publishing source whose outbox relay this service runs (none in the team view, which publishes nothing). */
  readonly relay?: string;
  readonly consumers: ConsumerStatuses;
  /** The employer's 24/7 contact line runs here (the employer service, the embedded platform). */
  readonly contactLine?: boolean;
  readonly clock: Clock;
}

export function metricsSources(parts: ScrapedParts): MetricsSources {
  const { db, store, relay, consumers, clock } = parts;
  return {
    consumers: () => consumers.all(),
    deadLetters: () => deadLettersByConsumer(db),
    // The outbox lives in the PostgreSQL store; in KurrentDB (EVENT_STORE=kurrentdb) it is not read here.
    ...(relay && store instanceof PostgresEventStore ? { outbox: () => store.outboxBacklog(outboxRelayCheckpoint(relay)) } : {}),
    ...(parts.contactLine ? { contactLine: () => contactLineFigures(db, clock.now()) } : {}),
    ...(db.usage ? { database: () => db.usage?.() } : {}),
  };
}
