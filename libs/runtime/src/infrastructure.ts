import path from 'node:path';
import { JwtVerifier, loadOrCreateSigningKey } from '@ips/access';
import { InProcessBus, KafkaBus, MessageBus } from '@ips/messaging';
import { PgDriver, PgliteDriver, SqlDriver, ensureDatabase } from '@ips/postgres';
import { PlatformConfig } from './config';

/** The configured PostgreSQL server's database (created if missing), or PGlite in DATA_DIR. */
export async function openDatabase(config: Pick<PlatformConfig, 'databaseUrl' | 'dataDir'>): Promise<SqlDriver> {
  if (config.databaseUrl) {
    await ensureDatabase(config.databaseUrl);
    return new PgDriver({ connectionString: config.databaseUrl });
  }
  return PgliteDriver.open(path.join(config.dataDir, 'pglite'));
}

/** Tokens of the configured identity providers, and of the embedded key kept in DATA_DIR. */
export async function createVerifier(config: Pick<PlatformConfig, 'dataDir' | 'identityProviders'>): Promise<JwtVerifier> {
  const key = await loadOrCreateSigningKey(config.dataDir);
  return config.identityProviders.length > 0
    ? JwtVerifier.forIdentityProviders(config.identityProviders, key.publicKey)
    : JwtVerifier.forEmbeddedKey(key.publicKey);
}

/** Kafka when KAFKA_BROKERS is set, else the in-process bus. */
export function createBus(config: Pick<PlatformConfig, 'kafkaBrokers'>, clientId: string, onError?: (error: unknown) => void): MessageBus {
  return config.kafkaBrokers.length > 0
    ? new KafkaBus({ brokers: config.kafkaBrokers, clientId, logLevel: 'nothing', ...(onError ? { onError } : {}) })
    : new InProcessBus();
}
