import { KurrentDbEventStore } from '@ips/event-store/kurrentdb';
import { ConsumerCheckpoints } from '@ips/messaging';
import { PlatformConfig } from './config';
import { DISTRIBUTED_SERVICES, DistributedService, databasePrefixOn, serviceDatabaseUrl } from './distributed';
import { openDatabase } from './infrastructure';
import { openEventStore } from './compose';

export interface NewClusterStep {
  readonly service: DistributedService;
  /** The consumers whose Kafka checkpoints and recorded cluster were forgotten: they read the new cluster from offset 0. */
  readonly consumers: readonly string[];
  /** Whether its outbox relay starts again from the outbox's first message (agency services, unless told not to). */
  readonly republished: boolean;
}

/**
 * The documented way on after the deployment moved to a new Kafka cluster or topic (decision 41), with every service
 * stopped: each consumer forgets its Kafka checkpoints and the cluster it recorded, so it adopts the cluster it finds
 * at its next start and reads it from offset 0, skipping by message id what it applied before; and each agency's relay
 * sends its whole outbox again (unless `republish` is false: when the new cluster already holds every message, say
 * mirrored from the old one), so nothing published only to the old cluster is missing from the new one.
 */
export async function acceptNewKafkaCluster(
  config: Pick<PlatformConfig, 'databaseUrl' | 'dataDir' | 'eventStore'>,
  { republish = true, databaseSuffix = '' }: { readonly republish?: boolean; readonly databaseSuffix?: string } = {},
): Promise<readonly NewClusterStep[]> {
  if (!config.databaseUrl) throw new Error('set DATABASE_URL to the deployment’s PostgreSQL server (the distributed profile’s; the embedded one has no Kafka)');
  const { prefix } = await databasePrefixOn(config.databaseUrl, databaseSuffix);
  const steps: NewClusterStep[] = [];
  for (const service of DISTRIBUTED_SERVICES) {
    const db = await openDatabase({ ...config, databaseUrl: serviceDatabaseUrl(config.databaseUrl, service, databaseSuffix, prefix) });
    try {
      const consumers = await ConsumerCheckpoints.forgetSource(db, 'kafka:');
      const relays = republish && service !== 'team-view';
      if (relays) {
        const store = await openEventStore(config, db);
        try {
          await store.rewindOutbox(`outbox-relay:${service}`);
        } finally {
          if (store instanceof KurrentDbEventStore) await store.close();
        }
      }
      steps.push({ service, consumers, republished: relays });
    } finally {
      await db.close();
    }
  }
  return steps;
}
